"""A browser test for every form: each fills its form through the widgets a
person uses and checks what was saved. Mark each test @covers(TheForm) (see
coverage.py); tests/test_every_form_has_a_browser_test.py fails for a form that
no test covers. Fill fields with widgets.py and start from scenes.py."""
