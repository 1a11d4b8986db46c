// Sends the Deep Linking response back to the LMS as soon as its page has loaded (a script file: the page's policy
// allows no inline script); without JavaScript the page's own button does it.
document.getElementById('deep-link-return')?.submit();
