// Draws a Chart.js chart from the table it sits beside, so the two can never
// disagree and the page reads fine without JavaScript. Hidden cells ("<3")
// carry an empty data-value and are left out of the chart.
(function () {
  "use strict";
  var palette = ["#0b5c4a", "#f2a900", "#3b6fb6", "#a3161b", "#6b4fa0", "#4f5b6d", "#1f9e89", "#d35f00", "#8c8c8c", "#2f2f2f", "#b5c334"];

  function number(cell) {
    var raw = cell.getAttribute("data-value");
    return raw === null || raw === "" ? null : Number(raw);
  }

  function read(table, skipLast) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells, 1);
    if (skipLast) heads = heads.slice(0, -1);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    return {
      labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
      datasets: heads.map(function (head, i) {
        return {
          label: head.textContent.trim(),
          data: rows.map(function (row) { return number(row.cells[i + 1]); }),
          backgroundColor: palette[i % palette.length],
          borderColor: palette[i % palette.length],
        };
      }),
    };
  }

  function draw(figure) {
    var table = document.getElementById(figure.getAttribute("data-table"));
    if (!table || !window.Chart) return;
    var kind = figure.getAttribute("data-chart");
    var data = read(table, figure.hasAttribute("data-skip-last"));
    // Labels as large as the text around them; a bar chart as tall as its rows need.
    window.Chart.defaults.font.size = 14;
    window.Chart.defaults.color = "#1d2433";
    if (kind === "stacked") figure.style.height = Math.max(260, 40 * data.labels.length + 80) + "px";
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", figure.getAttribute("data-label") || "");
    figure.appendChild(canvas);
    if (kind === "radar") {
      var max = Number(figure.getAttribute("data-max")) || undefined;
      data.datasets.forEach(function (set) { set.backgroundColor = "rgba(11, 92, 74, 0.2)"; });
      new window.Chart(canvas, {
        type: "radar",
        data: data,
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: { r: { min: 0, max: max, ticks: { stepSize: 1 } } },
          plugins: { legend: { display: false } },
        },
      });
      return;
    }
    var stacked = kind === "stacked";
    new window.Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: data,
      options: {
        indexAxis: stacked ? "y" : "x",
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  function drawWithin(root) {
    if (!window.Chart) return;
    Array.prototype.forEach.call(root.querySelectorAll("figure[data-chart]:not([data-drawn])"), function (figure) {
      figure.setAttribute("data-drawn", "");
      draw(figure);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { drawWithin(document); });
  // A figure that arrives in a part of the page (brobygger.web.parts) is drawn when htmx puts it in.
  document.addEventListener("htmx:load", function (event) { drawWithin(event.target); });
})();
