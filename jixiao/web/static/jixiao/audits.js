// The audit page's chart (Apache ECharts, vendored): self-evaluations ranked by the gap between the claimed and
// the recomputed total. Data comes from the page's json_script block; a bar links to its explanation.
(function () {
  const source = document.getElementById("audit-chart-data");
  const element = document.getElementById("chart-gaps");
  if (!source || !element) return;
  const data = JSON.parse(source.textContent || "null") || {};
  const chart = echarts.init(element);
  chart.setOption({
    grid: { left: 8, right: 32, bottom: 8, top: 24, containLabel: true },
    tooltip: { trigger: "axis" }, color: ["#b42318"],
    xAxis: { type: "value", name: "差额（分）" },
    yAxis: { type: "category", inverse: true, data: data.labels, axisLabel: { width: 180, overflow: "truncate" } },
    series: [{ name: "自评总分 − 复算总分", type: "bar", data: data.gaps, label: { show: true, position: "right" } }],
  });
  chart.on("click", (params) => { window.location.href = data.links[params.dataIndex]; });
  window.addEventListener("resize", () => chart.resize());
})();
