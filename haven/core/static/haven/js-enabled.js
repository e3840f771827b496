// Marks the page for GOV.UK Frontend's JavaScript-enhanced styles before it paints.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
