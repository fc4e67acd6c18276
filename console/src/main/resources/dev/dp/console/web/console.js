// The dp console's front end: one Alpine.js component that routes on the URL hash, polls the
// JSON API of the page shown, and formats what it gets. Nothing here writes to the pipeline.
'use strict';

const POLL_MILLIS = 3000;

document.addEventListener('alpine:init', () => {
  window.Alpine.data('dpConsole', () => ({
    page: 'pipeline',
    topicName: null,
    error: null,
    updated: null,
    pipeline: null,
    topics: null,
    topic: null,
    groups: null,
    connect: null,
    lineage: null,
    topicFilter: '',
    showInternal: false,
    query: {from: 'newest', offset: '', timestamp: '', partition: '-1', limit: '50', q: ''},
    messagesPage: null,
    live: false,
    opened: {},
    selected: null,
    pickedColumn: null,
    lineageKinds: window.dpLineage.kinds,
    timer: null,

    start() {
      window.addEventListener('hashchange', () => this.route());
      this.route();
      this.timer = setInterval(() => this.refresh(), POLL_MILLIS);
    },

    route() {
      const parts = (location.hash || '#/pipeline').slice(2).split('/');
      const page = parts[0] || 'pipeline';
      if (page === 'topics' && parts.length > 1) {
        const name = decodeURIComponent(parts.slice(1).join('/'));
        if (name !== this.topicName) {
          this.topicName = name;
          this.topic = null;
          this.messagesPage = null;
          this.opened = {};
        }
        this.page = 'topic';
        this.refresh().then(() => this.loadMessages());
        return;
      }
      this.page = ['pipeline', 'topics', 'groups', 'connect', 'lineage'].includes(page) ? page : 'pipeline';
      if (this.page === 'lineage') {
        this.$nextTick(() => window.dpLineage.resize());
      }
      this.refresh();
    },

    async get(path) {
      const response = await fetch(path, {headers: {Accept: 'application/json'}});
      const body = await response.json();
      if (!response.ok) {
        throw new Error(body.error || (path + ' answered HTTP ' + response.status));
      }
      return body;
    },

    async refresh() {
      try {
        switch (this.page) {
          case 'pipeline': this.pipeline = await this.get('/api/pipeline'); break;
          case 'topics': this.topics = await this.get('/api/topics'); break;
          case 'topic':
            this.topic = await this.get('/api/topics/' + encodeURIComponent(this.topicName));
            if (this.live && this.query.from === 'newest') {
              await this.loadMessages();
            }
            break;
          case 'groups': this.groups = await this.get('/api/groups'); break;
          case 'connect': this.connect = await this.get('/api/connect'); break;
          case 'lineage':
            if (!this.lineage) {
              this.lineage = await this.get('/api/lineage');
              this.$nextTick(() => window.dpLineage.draw(this.lineage, node => this.select(node)));
            }
            break;
        }
        this.error = null;
        this.updated = new Date().toISOString();
      } catch (e) {
        this.error = e.message;
      }
    },

    async loadMessages() {
      const q = new URLSearchParams({from: this.query.from, limit: this.query.limit, partition: this.query.partition});
      if (this.query.q) q.set('q', this.query.q);
      if (this.query.from === 'offset') q.set('offset', this.query.offset || '0');
      if (this.query.from === 'timestamp' && this.query.timestamp) {
        q.set('timestamp', new Date(this.query.timestamp).toISOString());
      }
      try {
        this.messagesPage = await this.get(
          '/api/topics/' + encodeURIComponent(this.topicName) + '/messages?' + q.toString());
        this.error = null;
      } catch (e) {
        this.error = e.message;
      }
    },

    messagesSummary() {
      const p = this.messagesPage;
      if (!p) return '';
      return p.messages.length + ' message(s) shown, ' + this.num(p.scanned) + ' read'
        + (p.complete ? '' : ' (stopped at the scan budget: narrow the search or start from an offset)');
    },

    // Topics ---------------------------------------------------------------------------------
    filteredTopics() {
      const f = this.topicFilter.trim().toLowerCase();
      return (this.topics || []).filter(t =>
        (this.showInternal || !t.internal) && (!f || t.name.toLowerCase().includes(f)));
    },

    topicOf(table) {
      return 'jadc2_db.public.' + table;
    },

    retention(t) {
      if (t.retention_ms == null) return '–';
      const time = t.retention_ms < 0 ? 'forever' : this.duration(t.retention_ms / 1000);
      return t.retention_bytes != null && t.retention_bytes >= 0 ? time + ' or ' + this.bytes(t.retention_bytes) : time;
    },

    // Messages -------------------------------------------------------------------------------
    isOpen(m) {
      return !!this.opened[m.partition + ':' + m.offset];
    },

    toggle(m) {
      const k = m.partition + ':' + m.offset;
      this.opened = {...this.opened, [k]: !this.opened[k]};
    },

    opLabel(m) {
      const d = m.decoded;
      if (d.kind === 'TOMBSTONE') return 'tombstone';
      if (d.kind === 'OTHER') return 'not an envelope';
      return d.operation.toLowerCase();
    },

    opClass(m) {
      return 'op-' + this.opLabel(m).replace(/ /g, '-');
    },

    keyText(m) {
      const k = m.decoded.key;
      if (k && typeof k === 'object') {
        return Object.entries(k).map(([n, v]) => n + '=' + v).join(' ');
      }
      return m.key || '(no key)';
    },

    columnsOf(m) {
      const cols = Object.keys(m.decoded.after || m.decoded.before || {});
      Object.keys(m.decoded.before || {}).forEach(c => { if (!cols.includes(c)) cols.push(c); });
      return cols;
    },

    cell(row, c) {
      if (!row) return '';
      const v = row[c];
      if (v === null || v === undefined) return 'null';
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    },

    raw(m) {
      if (m.value == null) return 'null (tombstone)\nkey: ' + m.key;
      try {
        return JSON.stringify({key: JSON.parse(m.key), value: JSON.parse(m.value)}, null, 2);
      } catch (e) {
        return m.value;
      }
    },

    // Pipeline ------------------------------------------------------------------------------
    stages() {
      const p = this.pipeline;
      const svc = name => (p.services.find(s => s.service === name) || {}).state;
      const fresh = stage => (p.freshness?.stages || []).find(s => s.stage === stage);
      const silver = fresh('SILVER');
      const gold = fresh('GOLD');
      const lag = p.ingest?.lag_known ? p.tables.reduce((a, t) => a + (t.kafka_lag || 0), 0) : null;
      return [
        {name: 'postgres-source', value: this.num(p.tables.reduce((a, t) => a + (t.source_rows || 0), 0)) + ' rows',
          detail: '15 tables', health: this.stateClass(svc('postgres-source'))},
        {name: 'debezium', value: p.slot ? this.bytes(p.slot.lag_bytes) + ' behind' : '–',
          detail: p.slot ? 'WAL retained ' + this.bytes(p.slot.retained_wal_bytes) : 'no slot',
          health: this.stateClass(svc('debezium'))},
        {name: 'kafka', value: this.num(p.tables.reduce((a, t) => a + (t.topic_messages || 0), 0)) + ' messages',
          detail: '15 change topics', health: this.stateClass(svc('kafka'))},
        {name: 'spark-job-ingest', value: lag == null ? 'lag unknown' : this.num(lag) + ' behind',
          detail: 'silver p50 ' + this.secs(silver?.recent?.p50_seconds),
          health: lag > 0 ? 'warn' : this.stateClass(svc('spark-job-ingest'))},
        {name: 'spark-job-process', value: p.process ? (p.process.up_to_date ? 'up to date' : 'refreshing') : 'no report',
          detail: 'gold p50 ' + this.secs(gold?.recent?.p50_seconds),
          health: this.stateClass(svc('spark-job-process'))},
        {name: 'postgres-dest', value: this.num(p.gold.reduce((a, g) => a + (g.rows || 0), 0)) + ' gold rows',
          detail: '5 gold tables', health: this.stateClass(svc('postgres-dest'))},
      ];
    },

    stateClass(state) {
      switch ((state || '').toLowerCase()) {
        case 'running': case 'stable': case 'ok': return 'ok';
        case 'exited': case 'failed': case 'dead': case 'unassigned': return 'bad';
        case 'stopped': case 'paused': case 'preparingrebalance': case 'completingrebalance': case 'restarting': return 'warn';
        default: return 'muted-badge';
      }
    },

    // Lineage --------------------------------------------------------------------------------
    select(node) {
      this.selected = node;
      this.pickedColumn = null;
      window.dpLineage.highlight(node.id, null);
    },

    clearSelection() {
      this.selected = null;
      this.pickedColumn = null;
      window.dpLineage.highlight(null, null);
    },

    goldColumnsOf(node) {
      const table = node.name.replace(/^gold\./, '');
      return this.lineage.gold_columns.filter(c => c.gold_table === table);
    },

    selectColumn(c) {
      this.pickedColumn = c;
      window.dpLineage.highlight(this.selected.id, c.sources.map(s => 'source:' + s.table));
    },

    kindLabel(kind) {
      return (this.lineageKinds.find(k => k.kind === kind) || {label: kind}).label;
    },

    // Formatting -----------------------------------------------------------------------------
    num(n) {
      return n == null ? '–' : Number(n).toLocaleString('en-US');
    },

    bytes(n) {
      if (n == null || n < 0) return '–';
      const units = ['B', 'KB', 'MB', 'GB', 'TB'];
      let i = 0;
      let v = n;
      while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
      return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
    },

    mb(n) {
      return n == null ? '' : Math.round(n / 1048576) + ' MB';
    },

    secs(v) {
      return v == null ? '–' : Number(v).toFixed(2) + ' s';
    },

    duration(seconds) {
      const s = Math.max(0, Math.round(seconds));
      if (s < 60) return s + 's';
      if (s < 3600) return Math.floor(s / 60) + 'm' + (s % 60) + 's';
      if (s < 86400) return Math.floor(s / 3600) + 'h' + Math.floor((s % 3600) / 60) + 'm';
      return Math.floor(s / 86400) + 'd' + Math.floor((s % 86400) / 3600) + 'h';
    },

    ago(iso) {
      if (!iso) return '–';
      return this.duration((Date.now() - new Date(iso).getTime()) / 1000) + ' ago';
    },

    clock(iso, withDate) {
      if (!iso) return '–';
      const d = new Date(iso);
      return withDate ? d.toISOString().replace('T', ' ').replace('Z', ' UTC') : d.toLocaleTimeString('en-GB');
    },
  }));
});
