// Conveniences for the console; every action also works without this script (a static file:
// the CSP allows no inline script).
(function () {
  "use strict";
  document.querySelectorAll(".kind-group").forEach(function (group) {
    var all = group.querySelector("input[name=accept_kind]");
    if (!all) { return; }
    all.addEventListener("change", function () {
      group.querySelectorAll("input.suggestion").forEach(function (box) { box.checked = all.checked; });
    });
  });
  var working = document.getElementById("working-text");
  if (working) {
    working.addEventListener("mouseup", function () {
      var selected = String(window.getSelection() || "").trim();
      if (!selected) { return; }
      var empty = Array.prototype.find.call(
        document.querySelectorAll("input.manual-phrase"), function (input) { return !input.value; });
      if (empty) { empty.value = selected; empty.focus(); }
    });
  }

  // Redaction by selection in the text editor: the selected words become the kind's
  // placeholder at once, and a hidden "placed" field (kind|n: the n-th occurrence of that
  // placeholder) tells the server where the redaction is, so the revision records it.
  var body = document.getElementById("body");
  var toolbar = document.getElementById("redact-toolbar");
  var form = document.getElementById("redaction-form");
  var list = document.getElementById("placed-list");
  var status = document.getElementById("redact-status");
  function occurrencesBefore(text, placeholder, end) {
    var count = 0;
    var at = text.indexOf(placeholder);
    while (at !== -1 && at < end) { count += 1; at = text.indexOf(placeholder, at + 1); }
    return count;
  }
  function redactSelection() {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var phrase = body.value.slice(start, end);
    if (!phrase.trim()) { status.textContent = "Select words in the working text first."; return; }
    var option = document.getElementById("redact-kind").selectedOptions[0];
    var kind = option.value;
    var placeholder = option.getAttribute("data-placeholder");
    var index = occurrencesBefore(body.value, placeholder, start);
    form.querySelectorAll("input[name=placed]").forEach(function (input) {
      var parts = input.value.split("|");
      if (input.getAttribute("data-placeholder") === placeholder && Number(parts[1]) >= index) {
        input.value = parts[0] + "|" + (Number(parts[1]) + 1);
      }
    });
    body.setRangeText(placeholder, start, end, "end");
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "placed";
    hidden.value = kind + "|" + index;
    hidden.setAttribute("data-placeholder", placeholder);
    form.appendChild(hidden);
    var item = document.createElement("li");
    item.textContent = "“" + phrase + "” → " + placeholder;
    list.appendChild(item);
    status.textContent = "Redacted as " + placeholder + ". Save to keep it.";
    body.focus();
  }
  if (body && toolbar && form && body.name === "body_text") {
    toolbar.hidden = false;
    document.getElementById("redact-selection").addEventListener("click", redactSelection);
  }

  // Keyboard shortcuts, documented on the pages: Alt+Shift and a letter.
  var shortcuts = { KeyR: "redact-selection", KeyS: "save", KeyP: "release", KeyN: "claim-next-button" };
  document.addEventListener("keydown", function (event) {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) { return; }
    var target = document.getElementById(shortcuts[event.code] || "");
    if (!target || target.closest("[hidden]")) { return; }
    event.preventDefault();
    target.click();
  });
})();
