// Conveniences for the redaction workspace; every action also works without this script.
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
})();
