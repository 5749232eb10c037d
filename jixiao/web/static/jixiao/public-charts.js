// Charts of the public site (Apache ECharts, vendored): a bureau's year (grades, scores and targets met per unit)
// and one project over the years (budget and score). The same figures are in the tables beside them, so the pages
// read without JavaScript; the charts' boxes stay hidden until a chart is drawn.
(function () {
  if (typeof echarts === "undefined") return;
  const charts = [];

  function draw(dataId, chartId, option) {
    const source = document.getElementById(dataId);
    const box = document.getElementById(chartId);
    if (!source || !box) return;
    box.closest("[hidden]")?.removeAttribute("hidden");
    const chart = echarts.init(box);
    chart.setOption(option(JSON.parse(source.textContent)));
    charts.push(chart);
  }

  draw("chart-data", "chart-grades", (data) => ({
    tooltip: { trigger: "item" }, color: ["#1a7f37", "#1d5fa7", "#b7791f", "#b42318"],
    series: [{ type: "pie", radius: ["35%", "65%"], data: data.grades, label: { formatter: "{b}：{c}" } }],
  }));
  draw("chart-data", "chart-scores", (data) => ({
    tooltip: { trigger: "axis" }, legend: { top: 0 }, color: ["#1d5fa7", "#1a7f37", "#c2410c"],
    grid: { left: 8, right: 40, bottom: 8, top: 32, containLabel: true },
    xAxis: [{ type: "value", max: 100, name: "得分" }, { type: "value", minInterval: 1, name: "指标数" }],
    yAxis: { type: "category", data: data.names,
             axisLabel: { width: Math.min(200, window.innerWidth / 4), overflow: "truncate" } },
    series: [
      { name: "自评得分", type: "bar", data: data.scores, label: { show: true, position: "right" } },
      { name: "达到目标", type: "bar", xAxisIndex: 1, stack: "t", data: data.met },
      { name: "未达到", type: "bar", xAxisIndex: 1, stack: "t", data: data.missed },
    ],
  }));
  draw("chart-data-years", "chart-years", (data) => ({
    tooltip: { trigger: "axis" }, legend: { bottom: 0 }, color: ["#1d5fa7", "#c2410c"],
    grid: { left: 8, right: 8, bottom: 32, top: 36, containLabel: true },
    xAxis: { type: "category", data: data.years },
    yAxis: [{ type: "value", name: "预算数" }, { type: "value", name: "得分", min: 0, max: 100 }],
    series: [
      { name: "预算数", type: "bar", data: data.budget, barMaxWidth: 64,
        label: { show: true, position: "insideTop", color: "#fff" } },
      { name: "自评得分", type: "line", yAxisIndex: 1, data: data.scores, connectNulls: false,
        label: { show: true, position: "right" } },
    ],
  }));
  window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
})();
