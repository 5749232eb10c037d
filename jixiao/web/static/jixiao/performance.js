// Charts of the performance pages (Apache ECharts, vendored). Data comes from the page's json_script block;
// each chart is drawn only when its element is on the page.
// Tooltips render as rich text on the canvas: the HTML tooltip writes style attributes the CSP refuses.
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
  // A percent axis runs from 0 to a round figure at or above the highest value, never below 100% and with 100% a
  // tick up to 300%: a value beyond 100 (执行率 118%) shows where it is, and no tick names a figure no bar has (the
  // axis once ended at 118% for bars of at most 100%). The bars' value labels have the grid's right margin.
  function percentAxis(values) {
    const top = Math.max(100, ...values.filter((v) => v !== null));
    const step = top <= 120 ? 20 : top <= 150 ? 25 : top <= 300 ? 50 : 100 * Math.ceil(top / 600);
    return { type: "value", min: 0, max: Math.ceil(top / step) * step, interval: step, axisLabel: { formatter: "{value}%" } };
  }
  // A bar beyond 100% is drawn in red and its label says what it means (超额完成, 超预算).
  const OVER = "#b42318";
  const beyond = (values, colour, words) => values.map((v) => (v !== null && v > 100
    ? { value: v, itemStyle: { color: OVER }, label: { show: true, position: "right", color: OVER, formatter: `{c}%（${words}）` } }
    : { value: v, itemStyle: { color: colour } }));
  const hundred = { symbol: "none", silent: true, data: [{ xAxis: 100 }], lineStyle: { color: OVER }, label: { formatter: "100%" } };
  const bars = (names) => ({ type: "category", data: names, axisLabel: { width: 140, overflow: "truncate" } });
  if (data.spending) {
    draw("chart-spending", {
      tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, color: ["#9aa5b1", "#1d5fa7"],
      xAxis: { type: "category", data: data.spending.months }, yAxis: { type: "value", name: data.spending.unit },
      series: [
        { name: "计划累计支出", type: "line", data: data.spending.planned, lineStyle: { type: "dashed" } },
        { name: "实际累计支出", type: "line", data: data.spending.actual, areaStyle: { opacity: 0.15 } },
      ],
    });
  }
  if (data.indicators) {
    draw("chart-indicators", {
      tooltip: { renderMode: "richText" }, color: ["#1a7f37"],
      grid: { left: 8, right: 96, bottom: 8, top: 32, containLabel: true },
      xAxis: percentAxis(data.indicators.progress),
      yAxis: bars(data.indicators.names),
      series: [{ name: "完成进度", type: "bar", data: beyond(data.indicators.progress, "#1a7f37", "超额完成"),
                 label: { show: true, position: "right", formatter: "{c}%" }, markLine: hundred }],
    });
  }
  if (data.names) {
    draw("chart-score", {
      tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, color: ["#d0d7de", "#1d5fa7"],
      xAxis: { type: "value" }, yAxis: bars(data.names),
      series: [{ name: "分值", type: "bar", data: data.weights, barGap: "-100%" },
               { name: "得分", type: "bar", data: data.scores }],
    });
  }
  if (data.units) {
    draw("chart-units", {
      tooltip: { trigger: "axis", renderMode: "richText" }, legend: { top: 0 }, color: ["#1d5fa7", "#9aa5b1"],
      grid: { left: 8, right: 96, bottom: 8, top: 32, containLabel: true },
      xAxis: percentAxis([...data.rates, ...data.planned]), yAxis: bars(data.units),
      series: [{ name: "平均执行率", type: "bar", data: beyond(data.rates, "#1d5fa7", "超预算"), markLine: hundred },
               { name: "平均计划进度", type: "bar", data: data.planned }],
    });
    draw("chart-grades", {
      tooltip: { renderMode: "richText" }, legend: { top: 0, data: ["平均自评得分"] },
      grid: { left: "46%", right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, interval: 20 }, yAxis: bars(data.units),  // a score is out of 100
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
