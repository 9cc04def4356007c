/* The interactive part of the timeline page: the Plotly chart, search/filter, the details panel.
 *
 * Everything here reads the JSON data island (#timeline-data) and the server-rendered list; no
 * article text is ever assigned to innerHTML. Strings handed to Plotly are entity-escaped because
 * Plotly renders hover labels and tick labels as (a subset of) HTML; it decodes &amp; &lt; &gt;
 * but not &quot;, and without `<` no tag (hence no attribute) can be formed.
 */
(function () {
  "use strict";

  var POINT = "#1f5fa8";
  var SPAN = "rgba(31, 95, 168, 0.45)";
  var CONFLICT = "#b3261e";
  var SELECTED = "#111111";

  var dataNode = document.getElementById("timeline-data");
  if (!dataNode) {
    return;
  }
  var data = JSON.parse(dataNode.textContent);
  var events = data.events;
  var chart = document.getElementById("chart");
  var details = document.getElementById("details");
  var controls = document.getElementById("controls");
  var search = document.getElementById("search");
  var filter = document.getElementById("article-filter");
  var statusLine = document.getElementById("filter-status");
  var selected = null;
  var plotly = window.Plotly;

  function esc(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;");
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function hoverText(e) {
    var lines = [
      esc(e.display_date),
      "<b>" + esc(shorten(e.title, 90)) + "</b>",
      e.sources + (e.sources === 1 ? " source" : " sources"),
    ];
    if (e.conflict) {
      lines.push("⚠ sources disagree");
    }
    return lines.join("<br>");
  }

  // Area grows with the number of independent sources, capped so one story cannot swamp the rest.
  function markerSize(n) {
    return 8 + 5 * Math.sqrt(Math.min(n, 9));
  }

  function barThickness(n) {
    return 0.1 + 0.03 * Math.min(n, 6);
  }

  function visibleEvents() {
    var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var article = filter.value;
    return events.filter(function (e) {
      if (article && e.articles.indexOf(article) < 0) {
        return false;
      }
      return terms.every(function (t) {
        return e.search.indexOf(t) >= 0;
      });
    });
  }

  function outline(e, normal) {
    if (e.id === selected) {
      return SELECTED;
    }
    return e.conflict ? CONFLICT : normal;
  }

  function outlineWidth(e, normal) {
    if (e.id === selected) {
      return 3;
    }
    return e.conflict ? 2.5 : normal;
  }

  function traces(list) {
    var points = list.filter(function (e) { return !e.span; });
    var spans = list.filter(function (e) { return e.span; });
    var custom = function (e) { return [e.id, hoverText(e)]; };
    return [
      {
        type: "scatter",
        mode: "markers",
        name: "Known day",
        meta: "events",
        x: points.map(function (e) { return e.start; }),
        y: points.map(function (e) { return e.y; }),
        customdata: points.map(custom),
        hovertemplate: "%{customdata[1]}<extra></extra>",
        marker: {
          size: points.map(function (e) { return markerSize(e.sources); }),
          symbol: points.map(function (e) { return e.conflict ? "diamond" : "circle"; }),
          color: points.map(function (e) { return e.conflict ? "#f4c7c3" : POINT; }),
          line: {
            color: points.map(function (e) { return outline(e, "#ffffff"); }),
            width: points.map(function (e) { return outlineWidth(e, 1); }),
          },
        },
      },
      {
        // Coarse or uncertain dates: a bar from the first day to the day after the last.
        type: "bar",
        orientation: "h",
        name: "Coarse or uncertain date",
        meta: "events",
        base: spans.map(function (e) { return e.start; }),
        x: spans.map(function (e) { return Date.parse(e.end) - Date.parse(e.start); }),
        y: spans.map(function (e) { return e.y; }),
        width: spans.map(function (e) { return barThickness(e.sources); }),
        customdata: spans.map(custom),
        hovertemplate: "%{customdata[1]}<extra></extra>",
        marker: {
          color: spans.map(function (e) { return e.conflict ? "rgba(179, 38, 30, 0.35)" : SPAN; }),
          line: {
            color: spans.map(function (e) { return outline(e, POINT); }),
            width: spans.map(function (e) { return outlineWidth(e, 1); }),
          },
        },
      },
    ];
  }

  var DAY = 86400000;

  // Where the chart opens: the stretch holding the middle 80% of exact-day events (and the most
  // salient ones), when that is much narrower than the whole range. One decade-old background
  // date must not squash the week the story happened in; the range slider and the "All" button
  // still show everything.
  function focusRange(list) {
    if (list.length < 3) {
      return null;
    }
    var exact = list.filter(function (e) { return !e.span; });
    var basis = exact.length >= 3 ? exact : list;
    var starts = basis.map(function (e) { return Date.parse(e.start); }).sort(function (a, b) { return a - b; });
    var ends = basis.map(function (e) { return Date.parse(e.end); }).sort(function (a, b) { return a - b; });
    var lo = starts[Math.floor(0.1 * (starts.length - 1))];
    var hi = ends[Math.ceil(0.9 * (ends.length - 1))];
    // ...but never hide the five most salient exact-day events (the story's key moments).
    exact
      .slice()
      .sort(function (a, b) { return b.salience - a.salience; })
      .slice(0, 5)
      .forEach(function (e) {
        lo = Math.min(lo, Date.parse(e.start));
        hi = Math.max(hi, Date.parse(e.end));
      });
    var first = Math.min.apply(null, list.map(function (e) { return Date.parse(e.start); }));
    var last = Math.max.apply(null, list.map(function (e) { return Date.parse(e.end); }));
    if (hi - lo >= 0.5 * (last - first)) {
      return null;
    }
    var pad = Math.max(3 * DAY, 0.1 * (hi - lo));
    var iso = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
    return [iso(lo - pad), iso(hi + pad)];
  }

  function layout(list) {
    var focus = focusRange(list);
    var lanes = data.lanes;
    var narrow = chart.clientWidth < 560;
    return {
      // Keep the user's zoom while only the selection changes; reset it when the filter changes.
      uirevision: search.value + "\u0000" + filter.value,
      height: Math.max(320, 190 + 64 * lanes.length),
      // Lane labels need room, but a phone cannot spare 120px of a 360px screen.
      margin: { l: narrow ? 72 : 120, r: narrow ? 8 : 16, t: 48, b: 24 },
      showlegend: false,
      hovermode: "closest",
      dragmode: "pan",
      font: { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size: 13 },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "#ffffff",
      xaxis: {
        type: "date",
        autorange: focus === null,
        range: focus === null ? undefined : focus,
        showgrid: true,
        gridcolor: "#e6e6e6",
        rangeslider: { visible: true, thickness: 0.1, autorange: true },
        rangeselector: {
          buttons: [
            { count: 1, label: "1m", step: "month", stepmode: "backward" },
            { count: 6, label: "6m", step: "month", stepmode: "backward" },
            { count: 1, label: "1y", step: "year", stepmode: "backward" },
            { count: 5, label: "5y", step: "year", stepmode: "backward" },
            { step: "all", label: "All" },
          ],
        },
      },
      yaxis: {
        tickmode: "array",
        tickvals: lanes.map(function (l) { return l.y; }),
        ticktext: lanes.map(function (l) { return esc(shorten(l.name, narrow ? 10 : 18)); }),
        range: [lanes.length - 0.4, -0.6],
        fixedrange: true,
        showgrid: false,
        zeroline: false,
      },
      // Faint bands tell the lanes apart.
      shapes: lanes
        .filter(function (l) { return l.y % 2 === 1; })
        .map(function (l) {
          return {
            type: "rect",
            xref: "paper",
            x0: 0,
            x1: 1,
            y0: l.y - 0.5,
            y1: l.y + 0.5,
            fillcolor: "#f4f6f9",
            line: { width: 0 },
            layer: "below",
          };
        }),
      annotations: list.length
        ? []
        : [{ text: "No event matches", xref: "paper", yref: "paper", x: 0.5, y: 0.5, showarrow: false }],
    };
  }

  function draw() {
    var list = visibleEvents();
    var shown = {};
    list.forEach(function (e) { shown[e.id] = true; });
    document.querySelectorAll(".event-list > li").forEach(function (li) {
      li.hidden = !shown[li.getAttribute("data-event-id")];
    });
    statusLine.textContent = list.length === events.length
      ? events.length + " events"
      : "Showing " + list.length + " of " + events.length + " events";
    if (plotly && events.length) {
      plotly.react(chart, traces(list), layout(list), {
        responsive: true,
        displaylogo: false,
        // On a phone the tool bar would cover the range buttons; pinch and drag still work.
        displayModeBar: chart.clientWidth < 560 ? false : "hover",
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
      });
    }
  }

  function listItem(id) {
    return document.getElementById("event-" + id);
  }

  function showDetails(id) {
    var item = listItem(id);
    if (!item) {
      return;
    }
    // Reuse the server-rendered (already escaped) markup rather than rebuilding it from data.
    var card = item.querySelector(".event-card").cloneNode(true);
    card.removeAttribute("aria-labelledby");
    card.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    var link = card.querySelector(".event-link");
    if (link) {
      link.replaceWith(document.createTextNode(link.textContent));
    }
    var folded = card.querySelector("details");
    if (folded) {
      folded.replaceWith(folded.querySelector(".sources-body"));
    }
    details.replaceChildren(card);
  }

  function select(id, fromList) {
    selected = id;
    document.querySelectorAll(".event-list > li.is-selected").forEach(function (li) {
      li.classList.remove("is-selected");
      li.removeAttribute("aria-current");
    });
    var item = listItem(id);
    if (item) {
      item.classList.add("is-selected");
      item.setAttribute("aria-current", "true");
      if (fromList) {
        // In the list the sources open in place (the side panel may be off-screen on a phone).
        item.querySelector("details").open = true;
      }
    }
    showDetails(id);
    draw();
    if (fromList) {
      bringIntoView(id);
    }
  }

  // A list click on an event outside the zoomed stretch widens the chart to show it.
  function bringIntoView(id) {
    var e = events.filter(function (x) { return x.id === id; })[0];
    var range = plotly && chart.layout && chart.layout.xaxis && chart.layout.xaxis.range;
    if (!e || !range) {
      return;
    }
    var lo = Date.parse(range[0]);
    var hi = Date.parse(range[1]);
    var start = Date.parse(e.start);
    var end = Date.parse(e.end);
    if (start >= lo && end <= hi) {
      return;
    }
    var pad = Math.max(3 * DAY, 0.05 * (Math.max(hi, end) - Math.min(lo, start)));
    var iso = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
    plotly.relayout(chart, {
      "xaxis.range": [iso(Math.min(lo, start - pad)), iso(Math.max(hi, end + pad))],
    });
  }

  controls.hidden = false;
  controls.addEventListener("submit", function (ev) { ev.preventDefault(); });
  search.addEventListener("input", draw);
  filter.addEventListener("change", draw);

  document.querySelector(".event-list").addEventListener("click", function (ev) {
    var link = ev.target.closest(".event-link");
    if (link) {
      ev.preventDefault();
      select(link.getAttribute("data-event-id"), true);
    }
  });

  if (!plotly) {
    var message = document.createElement("p");
    message.className = "chart-message";
    message.textContent = "The chart could not be drawn. Every event is listed below.";
    chart.replaceChildren(message);
  } else if (!events.length) {
    var empty = document.createElement("p");
    empty.className = "chart-message";
    empty.textContent = "No dated events to draw.";
    chart.replaceChildren(empty);
  }

  // Lane labels and margins depend on the width: redraw (debounced) when it changes.
  var resizeTimer = null;
  var lastWidth = chart.clientWidth;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      if (chart.clientWidth !== lastWidth) {
        lastWidth = chart.clientWidth;
        draw();
      }
    }, 150);
  });

  draw();
  if (plotly && events.length) {
    chart.on("plotly_click", function (ev) {
      if (ev.points && ev.points.length) {
        select(ev.points[0].customdata[0], false);
      }
    });
  }
})();
