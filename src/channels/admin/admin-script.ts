/**
 * The admin page's script, served as `/admin/admin.js` (the CSP allows no inline script).
 * It asks for the key, keeps it in sessionStorage (this tab only), reads the admin API and
 * builds the tables and the chart with DOM APIs: question text is only ever `textContent`.
 */
export const ADMIN_PAGE_SCRIPT = `'use strict';
(function () {
  var KEY_ITEM = 'fund-assistant.admin-key';
  var SVG = 'http://www.w3.org/2000/svg';
  var DAY_MS = 24 * 60 * 60 * 1000;
  var DEFAULT_DAYS = 30;
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }

  function localDate(ms) {
    var d = new Date(ms - new Date(ms).getTimezoneOffset() * 60000);
    return d.toISOString().slice(0, 10);
  }

  function when(iso) {
    return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function showKeyForm(message) {
    $('key-form').hidden = false;
    $('filters').hidden = true;
    $('report').hidden = true;
    status(message || 'Enter the admin key (ADMIN_API_KEY). 관리자 키를 입력하세요.', Boolean(message));
    $('key').focus();
  }

  function api(path, key) {
    return fetch(path, { headers: { authorization: 'Bearer ' + key, accept: 'application/json' } }).then(function (res) {
      return res.json().then(
        function (body) { return { res: res, body: body }; },
        function () { return { res: res, body: {} }; }
      ).then(function (r) {
        if (!r.res.ok) {
          var error = new Error((r.body.error && r.body.error.message) || 'HTTP ' + r.res.status);
          error.status = r.res.status;
          throw error;
        }
        return r.body;
      });
    });
  }

  function table(headers, rows) {
    var head = el('tr', {}, headers.map(function (h) { return el('th', { scope: 'col' }, [h]); }));
    return el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]);
  }

  function num(value) { return el('td', { class: 'num' }, [String(value)]); }

  function questionCell(item) {
    var cell = el('td', {}, [item.question]);
    if (item.comments && item.comments.length) {
      cell.appendChild(el('ul', { class: 'comments' }, item.comments.map(function (c) {
        // Words, not emoji: a server without an emoji font shows those as empty boxes.
        return el('li', {}, [(c.rating === 'down' ? 'Wrong · 틀림: ' : 'Helpful · 도움: ') + c.comment]);
      })));
    }
    return cell;
  }

  function docsCell(item) {
    return el('td', { class: 'docs' }, [item.documents.length ? item.documents.join(', ') : '—']);
  }

  function renderRefused(items) {
    var box = $('refused');
    box.replaceChildren();
    if (!items.length) { box.appendChild(el('p', { class: 'empty' }, ['No refused questions in this period. 이 기간에 답하지 못한 질문이 없습니다.'])); return; }
    box.appendChild(table(['Question · 질문', 'Lang', 'Asked', 'Refused', 'Last asked'], items.map(function (item) {
      return el('tr', {}, [questionCell(item), el('td', {}, [item.language]), num(item.count), num(item.refused),
        el('td', { class: 'when' }, [when(item.last_asked)])]);
    })));
  }

  function renderDown(items) {
    var box = $('down');
    box.replaceChildren();
    if (!items.length) { box.appendChild(el('p', { class: 'empty' }, ['No down-voted answers in this period. 이 기간에 "틀림" 평가가 없습니다.'])); return; }
    box.appendChild(table(['Question and comments · 질문과 의견', 'Lang', 'Wrong · 틀림', 'Helpful · 도움', 'Asked', 'Cited documents', 'Last asked'], items.map(function (item) {
      return el('tr', {}, [questionCell(item), el('td', {}, [item.language]), num(item.down), num(item.up), num(item.count),
        docsCell(item), el('td', { class: 'when' }, [when(item.last_asked)])]);
    })));
  }

  // Bars: questions per day (left axis). Line: share refused (right axis, 0-100 %).
  function renderChart(days, sinceMs) {
    var box = $('chart');
    box.replaceChildren();
    var counts = {};
    days.forEach(function (d) { counts[d.day] = d; });
    var series = [];
    var today = localDate(Date.now());
    // Calendar days, not 24 h steps: a daylight-saving day is 23 or 25 hours long.
    for (var d = new Date(sinceMs); localDate(d.getTime()) <= today; d.setDate(d.getDate() + 1)) {
      var day = localDate(d.getTime());
      var row = counts[day] || { questions: 0, refused: 0 };
      series.push({ day: day, questions: row.questions, refused: row.refused });
    }
    var W = 960, H = 240, left = 40, right = 44, top = 12, bottom = 28;
    var plotW = W - left - right, plotH = H - top - bottom;
    var max = Math.max(1, Math.max.apply(null, series.map(function (s) { return s.questions; })));
    var step = plotW / Math.max(1, series.length);
    var chart = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'Questions per day and refusal rate' });
    chart.appendChild(svg('line', { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: '#d0d7de' }));
    chart.appendChild(svg('text', { x: left - 6, y: top + 10, 'text-anchor': 'end', 'font-size': 11, fill: '#57606a' }, String(max)));
    chart.appendChild(svg('text', { x: left - 6, y: top + plotH, 'text-anchor': 'end', 'font-size': 11, fill: '#57606a' }, '0'));
    chart.appendChild(svg('text', { x: left + plotW + 6, y: top + 10, 'font-size': 11, fill: '#bc4c00' }, '100%'));
    chart.appendChild(svg('text', { x: left + plotW + 6, y: top + plotH, 'font-size': 11, fill: '#bc4c00' }, '0%'));
    var points = [];
    series.forEach(function (s, i) {
      var x = left + i * step;
      var h = (s.questions / max) * plotH;
      var bar = svg('rect', { x: x + step * 0.15, y: top + plotH - h, width: Math.max(1, step * 0.7), height: h, fill: '#1f6feb', rx: 2 });
      bar.appendChild(svg('title', {}, s.day + ': ' + s.questions + ' questions, ' + s.refused + ' refused'));
      chart.appendChild(bar);
      if (s.questions) points.push((x + step / 2) + ',' + (top + plotH - (s.refused / s.questions) * plotH));
    });
    if (points.length) {
      chart.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#bc4c00', 'stroke-width': 2 }));
      points.forEach(function (p) {
        var xy = p.split(',');
        chart.appendChild(svg('circle', { cx: xy[0], cy: xy[1], r: 3, fill: '#bc4c00' }));
      });
    }
    var labelEvery = Math.ceil(series.length / 8);
    series.forEach(function (s, i) {
      if (i % labelEvery) return;
      chart.appendChild(svg('text', { x: left + i * step + step / 2, y: H - 8, 'text-anchor': 'middle', 'font-size': 11, fill: '#57606a' }, s.day.slice(5)));
    });
    box.appendChild(chart);
    var total = series.reduce(function (sum, s) { return sum + s.questions; }, 0);
    var refused = series.reduce(function (sum, s) { return sum + s.refused; }, 0);
    var legend = el('p', { class: 'legend' }, [
      el('span', { class: 'swatch questions' }), 'questions · 질문 수 ',
      el('span', { class: 'swatch refused' }), 'refused share · 거절률 ',
      ' — ' + total + ' questions, ' + refused + ' refused (' + (total ? Math.round((refused / total) * 100) : 0) + '%)'
    ]);
    box.appendChild(legend);
  }

  function load() {
    var key = sessionStorage.getItem(KEY_ITEM);
    if (!key) { showKeyForm(); return; }
    $('key-form').hidden = true;
    $('filters').hidden = false;
    var sinceDate = $('since').value;
    var sinceMs = new Date(sinceDate + 'T00:00:00').getTime();
    var since = new Date(sinceMs).toISOString();
    var query = 'since=' + encodeURIComponent(since);
    status('Loading… 불러오는 중…');
    Promise.all([
      api('/admin/api/questions?filter=refused&limit=200&' + query, key),
      api('/admin/api/questions?filter=down&limit=200&' + query, key),
      api('/admin/api/daily?tz_offset=' + -new Date().getTimezoneOffset() + '&' + query, key),
    ]).then(function (results) {
      renderChart(results[2].days, sinceMs);
      renderRefused(results[0].items);
      renderDown(results[1].items);
      $('report').hidden = false;
      status('Since ' + sinceDate + ' · ' + sinceDate + '부터');
    }, function (error) {
      if (error.status === 401) {
        sessionStorage.removeItem(KEY_ITEM);
        showKeyForm('That key was not accepted. 키가 맞지 않습니다.');
      } else status(error.message, true);
    });
  }

  $('since').value = localDate(Date.now() - (DEFAULT_DAYS - 1) * DAY_MS);
  $('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(KEY_ITEM, $('key').value.trim());
    $('key').value = '';
    load();
  });
  $('filters').addEventListener('submit', function (event) { event.preventDefault(); load(); });
  $('forget').addEventListener('click', function () { sessionStorage.removeItem(KEY_ITEM); showKeyForm(); });
  load();
})();
`;
