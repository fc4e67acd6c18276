// Draws the lineage graph of /api/lineage with ECharts (SVG renderer, so every node is an element
// of the page): one column per stage, pipelines as nodes between the datasets they connect.
'use strict';

window.dpLineage = (() => {
  const kinds = [
    {kind: 'SOURCE_TABLE', label: 'source table (postgres-source)', color: '#2f6fdf', column: 0},
    {kind: 'TOPIC', label: 'Kafka topic', color: '#7a4fd6', column: 2},
    {kind: 'BRONZE_TABLE', label: 'bronze (raw changes)', color: '#b07a2a', column: 4},
    {kind: 'SILVER_TABLE', label: 'silver (current state)', color: '#6b7a8f', column: 5},
    {kind: 'GOLD_TABLE', label: 'gold table (postgres-dest)', color: '#c9a227', column: 7},
    {kind: 'GOLD_VIEW', label: 'gold view', color: '#d9bf5e', column: 8},
    {kind: 'PIPELINE', label: 'pipeline (connector, Spark job)', color: '#1f9d6b', column: null},
  ];
  const pipelineColumn = {'pipeline:debezium': 1, 'pipeline:spark-job-ingest': 3, 'pipeline:spark-job-process': 6};
  // x of each column in units: dataset columns leave room for their labels, pipelines less.
  const COLUMN_X = [0, 1.7, 2.5, 4.2, 5.0, 6.8, 8.5, 9.3, 11.1];
  const UNIT = 120;
  const ROW_HEIGHT = 60;

  let chart = null;
  let graph = null;

  function kindOf(k) {
    return kinds.find(x => x.kind === k);
  }

  // Columns carry headers, so a node's label is its table name alone.
  function shortName(n) {
    if (n.kind === 'PIPELINE') return n.name;
    if (n.sourceTable || n.source_table) return n.source_table || n.sourceTable;
    return n.name.replace(/^gold\./, '');
  }

  const headers = [
    [0, 'source tables'], [2, 'topics'], [4, 'bronze'], [5, 'silver'], [7, 'gold tables'],
    [8, 'gold views'],
  ];

  // Positions: each column's nodes spread evenly over the height of the tallest column.
  function layout(nodes) {
    const columns = {};
    nodes.forEach(n => {
      const c = n.kind === 'PIPELINE' ? pipelineColumn[n.id] : kindOf(n.kind).column;
      (columns[c] = columns[c] || []).push(n);
    });
    const tallest = Math.max(...Object.values(columns).map(c => c.length));
    const height = (tallest - 1) * ROW_HEIGHT;
    const pos = {};
    Object.entries(columns).forEach(([c, list]) => {
      const step = list.length > 1 ? height / (list.length - 1) : 0;
      list.forEach((n, i) => {
        pos[n.id] = {x: COLUMN_X[Number(c)] * UNIT, y: list.length > 1 ? i * step : height / 2};
      });
    });
    return pos;
  }

  // Edges as drawn: an edge carried by a pipeline goes through the pipeline's node.
  function drawnEdges(edges) {
    const seen = new Set();
    const out = [];
    const add = (a, b) => {
      const k = a + '>' + b;
      if (!seen.has(k)) { seen.add(k); out.push({source: a, target: b}); }
    };
    edges.forEach(e => {
      if (e.via) { add(e.from, e.via); add(e.via, e.to); } else { add(e.from, e.to); }
    });
    return out;
  }

  // Everything upstream and downstream of a node along the precise (per-table) edges.
  function related(id) {
    const out = new Set([id]);
    const walk = (start, forward) => {
      const todo = [start];
      while (todo.length) {
        const cur = todo.pop();
        graph.edges.forEach(e => {
          const [a, b] = forward ? [e.from, e.to] : [e.to, e.from];
          if (a !== cur) return;
          if (e.via) out.add(e.via);
          if (!out.has(b)) {
            out.add(b);
            todo.push(b);
          }
        });
      }
    };
    walk(id, true);
    walk(id, false);
    return out;
  }

  function seriesData(focus) {
    const pos = layout(graph.nodes);
    const headerNodes = headers.map(([c, text]) => ({
      id: 'header:' + c, name: text, x: COLUMN_X[c] * UNIT, y: -ROW_HEIGHT,
      symbol: 'rect', symbolSize: 1, itemStyle: {color: 'transparent'}, silent: true,
      label: {show: true, position: 'right', fontSize: 12, fontWeight: 'bold', color: '#6b7485'},
    }));
    return headerNodes.concat(graph.nodes.map(n => {
      const k = kindOf(n.kind);
      const dim = focus && !focus.has(n.id);
      return {
        id: n.id,
        name: shortName(n),
        x: pos[n.id].x,
        y: pos[n.id].y,
        symbol: n.kind === 'PIPELINE' ? 'diamond' : 'roundRect',
        symbolSize: n.kind === 'PIPELINE' ? 26 : [14, 14],
        itemStyle: {color: k.color, opacity: dim ? 0.15 : 1},
        label: {show: true, position: n.kind === 'PIPELINE' ? 'bottom' : 'right', fontSize: 11,
          color: dim ? '#aab' : '#223', opacity: dim ? 0.4 : 1},
        node: n,
      };
    }));
  }

  function render(focus) {
    chart.setOption({
      series: [{
        type: 'graph',
        layout: 'none',
        left: 30,
        right: 170,
        top: 50,
        bottom: 30,
        roam: true,
        draggable: false,
        data: seriesData(focus),
        edges: drawnEdges(graph.edges).map(e => ({
          ...e,
          lineStyle: {opacity: focus && !(focus.has(e.source) && focus.has(e.target)) ? 0.05 : 0.45},
        })),
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        lineStyle: {color: '#8895a7', width: 1, curveness: 0.15},
        emphasis: {focus: 'adjacency', lineStyle: {width: 2}},
        labelLayout: {hideOverlap: true},
      }],
    });
  }

  function draw(g, onSelect) {
    graph = g;
    const el = document.getElementById('lineage-graph');
    chart = window.echarts.init(el, null, {renderer: 'svg'});
    chart.setOption({
      tooltip: {formatter: p => p.dataType === 'node' && p.data.node ? p.data.node.name + '<br>' + p.data.node.location : ''},
      animation: false,
    });
    render(null);
    chart.on('click', p => { if (p.dataType === 'node' && p.data.node) onSelect(p.data.node); });
    window.addEventListener('resize', () => chart.resize());
  }

  // Focus on a node's lineage, or on a gold table and the given source tables of one column.
  function highlight(id, sourceIds) {
    if (!chart) return;
    if (!id) { render(null); return; }
    let focus = related(id);
    if (sourceIds) {
      const wanted = new Set(sourceIds.flatMap(s => [...related(s)]));
      focus = new Set([...focus].filter(n => wanted.has(n) || n === id));
      sourceIds.forEach(s => focus.add(s));
    }
    render(focus);
  }

  function resize() {
    if (chart) chart.resize();
  }

  return {kinds, draw, highlight, resize};
})();
