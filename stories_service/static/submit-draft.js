// The submission draft: the title and story typed on /submit, kept in this browser tab only
// (sessionStorage), so that a language switch or a failed submit loses nothing. Never sent
// anywhere: the text leaves the device only when the survivor sends the form itself. Cleared
// when the receipt page shows the story arrived, by "Clear draft", or when the tab closes.
// The form works the same without this script. See docs/i18n.md, "The submission draft".
(function () {
  "use strict";
  var KEY = "healing-stories:submit-draft";
  var FIELDS = ["title", "body"];

  function storage() {
    try {
      return window.sessionStorage;
    } catch (refused) {
      return null; // storage switched off: no draft, the form still works
    }
  }

  function read(store) {
    try {
      var draft = JSON.parse(store.getItem(KEY) || "null");
      return draft && typeof draft === "object" ? draft : null;
    } catch (broken) {
      return null;
    }
  }

  function forget(store) {
    try {
      store.removeItem(KEY);
    } catch (refused) {
      // nothing was kept
    }
  }

  var store = storage();
  if (!store) { return; }

  // The receipt page: the story arrived, the draft has done its work.
  if (document.querySelector("[data-submission-draft=sent]")) {
    forget(store);
    return;
  }

  var fields = FIELDS.map(function (id) { return document.getElementById(id); });
  var notice = document.getElementById("draft-notice");
  if (!notice || fields.some(function (field) { return !field; })) { return; }
  var cleared = document.getElementById("draft-cleared");

  function save() {
    var draft = {};
    var typed = false;
    fields.forEach(function (field) {
      draft[field.id] = field.value;
      typed = typed || field.value.trim() !== "";
    });
    if (!typed) {
      forget(store);
      notice.hidden = true;
      return;
    }
    try {
      store.setItem(KEY, JSON.stringify(draft));
    } catch (full) {
      notice.hidden = true; // not kept: do not say it is
      return;
    }
    notice.hidden = false;
    if (cleared) { cleared.hidden = true; }
  }

  // Restore into empty fields only: after a failed submit the page already shows what was sent.
  var kept = read(store);
  if (kept) {
    fields.forEach(function (field) {
      if (field.value === "" && typeof kept[field.id] === "string") {
        field.value = kept[field.id];
      }
    });
  }
  save();
  fields.forEach(function (field) { field.addEventListener("input", save); });

  var clear = document.getElementById("draft-clear");
  if (clear) {
    clear.addEventListener("click", function () {
      var question = clear.getAttribute("data-confirm");
      if (question && !window.confirm(question)) { return; }
      fields.forEach(function (field) { field.value = ""; });
      forget(store);
      notice.hidden = true;
      if (cleared) { cleared.hidden = false; }
      fields[0].focus();
    });
  }
})();
