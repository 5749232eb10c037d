// The budget's other sources, the year's (src) and the span's (psrc): a row added from the template of the list its
// button names (removed by its 删除 box, as the grid's rows).
document.querySelectorAll("button[data-sources]").forEach((add) => {
  const prefix = add.dataset.sources;
  const body = document.getElementById(`${prefix}-body`);
  const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
  const template = document.getElementById(`${prefix}-template`);
  if (!body || !total || !template) return;
  add.addEventListener("click", () => {
    const index = Number(total.value);
    body.insertAdjacentHTML("beforeend", template.innerHTML.replaceAll("__prefix__", index));
    total.value = index + 1;
    body.querySelector(`input[name='${prefix}-${index}-label']`).focus();
  });
});

// The indicator grid: add, remove and reorder rows. Order is kept in each row's hidden ORDER field.
(function () {
  const body = document.getElementById("grid-body");
  const total = document.getElementById("id_ind-TOTAL_FORMS");
  if (!body || !total) return;
  function renumber() {
    body.querySelectorAll("tr.grid-row").forEach((row, i) => {
      const order = row.querySelector("input[name$='-ORDER']");
      if (order) order.value = i + 1;
    });
  }
  function pairOf(row) { return [row, row.nextElementSibling]; }
  body.addEventListener("click", (event) => {
    const button = event.target.closest("button.up, button.down");
    if (!button) return;
    const row = button.closest("tr.grid-row");
    const [, notes] = pairOf(row);
    if (button.classList.contains("up")) {
      const prevNotes = row.previousElementSibling;
      const prev = prevNotes && prevNotes.previousElementSibling;
      if (prev) { body.insertBefore(row, prev); body.insertBefore(notes, prev); }
    } else {
      const nextRow = notes.nextElementSibling;
      const nextNotes = nextRow && nextRow.nextElementSibling;
      if (nextNotes) { nextNotes.after(row); row.after(notes); }
    }
    renumber();
    row.closest("form").dispatchEvent(new Event("change", { bubbles: true }));
  });
  document.getElementById("add-row").addEventListener("click", () => {
    const index = Number(total.value);
    const html = document.getElementById("row-template").innerHTML.replaceAll("__prefix__", index);
    body.insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
    renumber();
    body.querySelectorAll("tr.grid-row").forEach(filterLevel2);
  });
  renumber();

  // The 二级指标 list offers only what the chosen 一级指标 holds (a value already chosen stays visible).
  const allowed = JSON.parse(document.getElementById("level2-by-level1").textContent);
  function filterLevel2(row) {
    const level1 = row.querySelector("select[name$='-level1']");
    const level2 = row.querySelector("select[name$='-level2']");
    if (!level1 || !level2) return;
    const names = allowed[level1.value];
    level2.querySelectorAll("option").forEach((option) => {
      const fits = !option.value || !names || names.includes(option.value) || option.selected;
      option.hidden = !fits;
      option.disabled = !fits;
    });
  }
  body.querySelectorAll("tr.grid-row").forEach(filterLevel2);
  body.addEventListener("change", (event) => {
    if (event.target.matches("select[name$='-level1']")) {
      const row = event.target.closest("tr.grid-row");
      const level2 = row.querySelector("select[name$='-level2']");
      const names = allowed[event.target.value];
      if (level2 && names && level2.value && !names.includes(level2.value)) level2.value = "";
      filterLevel2(row);
    }
  });

  // Suggestions from approved sheets: the names list follows the 二级指标 of the row being typed in.
  const suggestions = JSON.parse(document.getElementById("suggestions").textContent);
  const names = document.getElementById("indicator-names");
  body.addEventListener("focusin", (event) => {
    if (!event.target.matches("input[name$='-name']")) return;
    const level2 = event.target.closest("tr").querySelector("select[name$='-level2']").value;
    names.replaceChildren(...(suggestions[level2] || []).map((item) => {
      const option = document.createElement("option");
      option.value = item.name;
      option.label = `${item.target}（已批复表中用过 ${item.uses} 次）`;
      return option;
    }));
  });
})();
