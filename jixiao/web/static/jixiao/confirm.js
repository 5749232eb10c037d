// Irreversible steps ask first: a form with data-confirm="…" opens a <dialog> with that question before it is sent.
// No inline script: every page loads this file, and the question is plain text in the form's attribute.
(function () {
  "use strict";
  var dialog = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "confirm-dialog";
    dialog.innerHTML = '<form method="dialog"><p class="question"></p><div class="actions">' +
      '<button value="cancel">取消</button><button value="ok" class="primary">确定</button></div></form>';
    document.body.appendChild(dialog);
    return dialog;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (!question || form.dataset.confirmed === "1") return;
    event.preventDefault();
    var box = dialog || build();
    box.querySelector(".question").textContent = question;
    var submitter = event.submitter || null;
    box.onclose = function () {
      if (box.returnValue !== "ok") return;
      form.dataset.confirmed = "1";
      if (form.requestSubmit) form.requestSubmit(submitter); else form.submit();
    };
    box.returnValue = "";
    box.showModal();
  });
})();
