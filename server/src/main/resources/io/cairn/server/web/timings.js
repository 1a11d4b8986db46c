// What the page measures about itself, read by the browser tests (window.cairnTimings): time to the screen's
// content and each type-ahead's round trip. Nothing is sent anywhere.

export const timings = { screen: null, readyMs: null, api: [], typeahead: [] };
window.cairnTimings = timings;
