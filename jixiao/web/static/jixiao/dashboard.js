// Dashboard charts (Apache ECharts, vendored). Data comes from the page's json_script block.
// Tooltips render as rich text on the canvas: the HTML tooltip writes style attributes the CSP refuses.
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const colours = ["#9aa5b1", "#1d5fa7", "#b42318", "#1a7f37"];
  const units = echarts.init(document.getElementById("chart-units"));
  units.setOption({
    tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, color: colours,
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: "value", minInterval: 1 }, yAxis: { type: "category", data: data.units },
    series: data.states.map((s) => ({ name: s.name, type: "bar", stack: "all", data: s.data })),
  });
  const rules = echarts.init(document.getElementById("chart-rules"));
  rules.setOption({
    tooltip: { renderMode: "richText" }, color: ["#c2410c"],
    grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 }, yAxis: { type: "category", data: data.rules, axisLabel: { width: 220, overflow: "truncate" } },
    series: [{ type: "bar", data: data.rule_counts, name: "出现次数" }],
  });
  window.addEventListener("resize", () => { units.resize(); rules.resize(); });
})();
