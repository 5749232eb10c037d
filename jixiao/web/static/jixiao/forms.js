// Behaviour every form may ask for through attributes (no inline script; every page loads this file):
// - data-confirm="…": an irreversible step asks first, in a <dialog>, before the form is sent, and sends
//   confirmed=1 with it once answered; a form sent without it (before this file ran, or with scripts blocked) is
//   answered with a page asking the same (jixiao/web/confirmation.py), so the step never goes unasked;
// - the 菜单 button folds the top menu on a phone;
// - data-busy="…": long work (reading an upload, importing) shows that it is under way and disables the buttons,
//   so the request is not sent twice.
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

  function busy(form) {
    var text = form.getAttribute("data-busy");
    if (!text) return;
    form.setAttribute("aria-busy", "true");
    form.querySelectorAll("button, input[type=submit]").forEach(function (button) { button.disabled = true; });
    var note = form.querySelector(".busy-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "busy-note";
      note.setAttribute("role", "status");
      form.appendChild(note);
    }
    note.textContent = text;
  }

  // On a narrow screen the top menu folds behind a 菜单 button.
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest(".menu-toggle");
    if (!toggle) return;
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.closest("header").classList.toggle("menu-open", open);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (!question || form.dataset.confirmed === "1") {
      // Disabling the buttons in the submit handler itself would drop the clicked button's name from the request.
      window.setTimeout(function () { busy(form); }, 0);
      return;
    }
    event.preventDefault();
    var box = dialog || build();
    box.querySelector(".question").textContent = question;
    var submitter = event.submitter || null;
    box.onclose = function () {
      if (box.returnValue !== "ok") return;
      form.dataset.confirmed = "1";
      var flag = form.querySelector("input[name=confirmed]");
      if (!flag) {
        flag = document.createElement("input");
        flag.type = "hidden";
        flag.name = "confirmed";
        form.appendChild(flag);
      }
      flag.value = "1";
      if (form.requestSubmit) form.requestSubmit(submitter); else form.submit();
    };
    box.returnValue = "";
    box.showModal();
  });
})();
