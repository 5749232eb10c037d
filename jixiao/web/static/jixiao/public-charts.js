// Charts of a bureau's year on the public site (Apache ECharts, vendored). The same figures are in the tables
// below them, so the page reads without JavaScript.
(function () {
  const source = document.getElementById("chart-data");
  if (!source || typeof echarts === "undefined") return;
  const data = JSON.parse(source.textContent);
  const grades = echarts.init(document.getElementById("chart-grades"));
  grades.setOption({
    tooltip: { trigger: "item" }, color: ["#1a7f37", "#1d5fa7", "#b7791f", "#b42318"],
    series: [{ type: "pie", radius: ["35%", "65%"], data: data.grades, label: { formatter: "{b}：{c}" } }],
  });
  const scores = echarts.init(document.getElementById("chart-scores"));
  scores.setOption({
    tooltip: { trigger: "axis" }, legend: { top: 0 }, color: ["#1d5fa7", "#1a7f37", "#c2410c"],
    grid: { left: 8, right: 40, bottom: 8, top: 32, containLabel: true },
    xAxis: [{ type: "value", max: 100, name: "得分" }, { type: "value", minInterval: 1, name: "指标数" }],
    yAxis: { type: "category", data: data.names, axisLabel: { width: 200, overflow: "truncate" } },
    series: [
      { name: "自评得分", type: "bar", data: data.scores, label: { show: true, position: "right" } },
      { name: "达到目标", type: "bar", xAxisIndex: 1, stack: "t", data: data.met },
      { name: "未达到", type: "bar", xAxisIndex: 1, stack: "t", data: data.missed },
    ],
  });
  window.addEventListener("resize", () => { grades.resize(); scores.resize(); });
})();
