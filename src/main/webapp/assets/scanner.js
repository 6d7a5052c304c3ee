'use strict';
// What the pages with scan fields (/scan, /inventory) share about a keyboard-wedge scanner: it types the GS1 group
// separator as the character itself (a keypress with char code 29) or as Ctrl+], and browsers never insert a typed
// control character, so the page puts it into the field itself.
window.ExoTraceScanner = (function () {
  const GS = '\u001d';

  function isGroupSeparator(event) {
    return event.key === GS || event.charCode === 29 || (event.ctrlKey && (event.key === ']' || event.code === 'BracketRight'));
  }

  /** A group separator typed into field is put there (true); any other key is left to the page (false). */
  function separator(event, field) {
    if (!isGroupSeparator(event)) return false;
    event.preventDefault();
    field.setRangeText(GS, field.selectionStart, field.selectionEnd, 'end');
    return true;
  }

  return {GS, isGroupSeparator, separator};
})();
