// Charts of the performance pages (Apache ECharts, vendored). Data comes from the page's json_script block;
// each chart is drawn only when its element is on the page.
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent || "null") || {};
  const charts = [];
  function draw(id, option) {
    const element = document.getElementById(id);
    if (!element) return;
    const chart = echarts.init(element);
    chart.setOption(Object.assign({ grid: { left: 8, right: 24, bottom: 8, top: 32, containLabel: true } }, option));
    charts.push(chart);
  }
  // A bar's value label sits right of the bar: the axis leaves room for it (102.22% must not be cut off).
  const roomy = (v) => Math.ceil(Math.max(100, v.max) * 1.18);
  const bars = (names) => ({ type: "category", data: names, axisLabel: { width: 140, overflow: "truncate" } });
  if (data.spending) {
    draw("chart-spending", {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, color: ["#9aa5b1", "#1d5fa7"],
      xAxis: { type: "category", data: data.spending.months }, yAxis: { type: "value", name: data.spending.unit },
      series: [
        { name: "计划累计支出", type: "line", data: data.spending.planned, lineStyle: { type: "dashed" } },
        { name: "实际累计支出", type: "line", data: data.spending.actual, areaStyle: { opacity: 0.15 } },
      ],
    });
  }
  if (data.indicators) {
    draw("chart-indicators", {
      tooltip: {}, color: ["#1a7f37"],
      grid: { left: 8, right: 48, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: "value", max: roomy, axisLabel: { formatter: "{value}%" } },
      yAxis: bars(data.indicators.names),
      series: [{ name: "完成进度", type: "bar", data: data.indicators.progress, label: { show: true, position: "right", formatter: "{c}%" },
                 markLine: { symbol: "none", data: [{ xAxis: 100 }], lineStyle: { color: "#b42318" } } }],
    });
  }
  if (data.names) {
    draw("chart-score", {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, color: ["#d0d7de", "#1d5fa7"],
      xAxis: { type: "value" }, yAxis: bars(data.names),
      series: [{ name: "分值", type: "bar", data: data.weights, barGap: "-100%" },
               { name: "得分", type: "bar", data: data.scores }],
    });
  }
  if (data.units) {
    draw("chart-units", {
      tooltip: { trigger: "axis" }, legend: { top: 0 }, color: ["#1d5fa7", "#9aa5b1"],
      xAxis: { type: "value", axisLabel: { formatter: "{value}%" } }, yAxis: bars(data.units),
      series: [{ name: "平均执行率", type: "bar", data: data.rates }, { name: "平均计划进度", type: "bar", data: data.planned }],
    });
    draw("chart-grades", {
      tooltip: {}, legend: { top: 0, data: ["平均自评得分"] },
      grid: { left: "46%", right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", max: roomy }, yAxis: bars(data.units),
      series: [
        { name: "等级分布", type: "pie", radius: ["30%", "55%"], center: ["22%", "55%"], data: data.grades,
          color: ["#1a7f37", "#1d5fa7", "#9a6700", "#b42318"], label: { formatter: "{b} {c}" } },
        { name: "平均自评得分", type: "bar", data: data.scores, itemStyle: { color: "#1d5fa7" },
          label: { show: true, position: "right" } },
      ],
    });
  }
  // Causes and remedy are asked for only when the answer is not 确定能.
  document.querySelectorAll("select[name$='-likelihood']").forEach((select) => {
    const extra = select.closest(".answer-grid").querySelector(".answer-extra");
    const toggle = () => { extra.hidden = select.value === "确定能" && !extra.querySelector(".error"); };
    select.addEventListener("change", toggle);
    toggle();
  });
  window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
})();
