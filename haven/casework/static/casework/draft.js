// Keeps the last words of a case note typed before the page goes away.
//
// htmx saves the draft after a short pause in typing, but closing the tab,
// following a link or switching app on a phone within that pause used to lose
// what was typed since. A beacon is the one request a browser still sends while
// a page is going away, so on leaving we send the form as it stands (its CSRF
// token and draft id included) to the same autosave address. Only edits the
// server has not yet confirmed are sent; a draft already saved as a note or
// discarded is refused by the server, so a late beacon never brings it back.
(function () {
  'use strict'
  var form = document.querySelector('form[data-draft-autosave]')
  if (!form || !navigator.sendBeacon) return

  var edits = 0 // edits made on this page
  var stored = 0 // edits the server has confirmed (or that a submit carries)
  var sending = 0 // edits in the autosave request under way

  function edited () { edits += 1 }
  form.addEventListener('input', edited)
  form.addEventListener('change', edited)
  form.addEventListener('htmx:beforeRequest', function () { sending = edits })
  form.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful) stored = Math.max(stored, sending)
  })
  // Saving or discarding sends the form itself: nothing to keep on the way out.
  form.addEventListener('submit', function () { stored = edits })

  function keep () {
    if (stored >= edits) return
    var url = form.getAttribute('hx-post')
    if (navigator.sendBeacon(url, new FormData(form))) stored = edits
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') keep()
  })
  window.addEventListener('pagehide', keep)
})()
