// Draws an embedded chart as inline SVG from the JSON spec the emulator recorded from newChart() builders.
// Pure string output (no DOM), so the server renders the first paint and the page script re-renders with the same code.
import { parseA1 } from './a1';
import { escapeHtml } from './escape';

/** The parts of a recorded chart spec the preview reads; anything else is ignored. */
export interface ChartSpecLike {
  type?: string;
  ranges?: string[];
  options?: Record<string, unknown>;
  position?: Record<string, unknown> | null;
  [key: string]: unknown;
}

/** Display values of one sheet, rows then columns (0-based), as emulator.view() gives them. */
export type Grid = { v: string }[][];

/** Looks a sheet's grid up by name (for ranges such as 'Scores'!A1:B9); null when there is no such sheet. */
export type GridLookup = (sheet: string | null) => Grid | null;

export interface Series {
  name: string;
  color: string;
  values: (number | null)[];
  lineWidth: number;
  pointSize: number;
  dash: number[] | null;
  inLegend: boolean;
}

export interface ChartData {
  type: 'LINE' | 'COLUMN' | 'BAR' | 'AREA' | 'SCATTER';
  requestedType: string;
  background: string;
  title: string;
  hTitle: string;
  vTitle: string;
  domain: string[];
  series: Series[];
  vMin: number;
  vMax: number;
  ticks: number[];
  legend: 'right' | 'bottom' | 'top' | 'none';
  width: number;
  height: number;
}

/** Google Sheets' default series colours, in order. */
export const DEFAULT_COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72', '#fcd04f', '#71c287'];

const DEFAULT_WIDTH = 600;
const DEFAULT_HEIGHT = 371;

/** Reads an option written either nested ({vAxis:{viewWindow:{min}}}) or flat ('vAxis.viewWindow.min'), as setOption allows both. */
export function option(options: Record<string, unknown> | undefined, dotted: string): unknown {
  if (!options) return undefined;
  if (dotted in options) return options[dotted];
  const parts = dotted.split('.');
  // Try every split point: 'vAxis.viewWindow' → {min}, 'vAxis' → {viewWindow:{min}}.
  for (let i = parts.length - 1; i >= 1; i -= 1) {
    const head = parts.slice(0, i).join('.');
    if (head in options) {
      let cur: unknown = options[head];
      for (const p of parts.slice(i)) {
        if (cur === null || typeof cur !== 'object') return undefined;
        cur = (cur as Record<string, unknown>)[p];
      }
      if (cur !== undefined) return cur;
    }
  }
  return undefined;
}

/** A display string as a number, or null: "1,234.5" → 1234.5, "45%" → 0.45, "" → null. */
export function toNumber(display: string | undefined): number | null {
  if (display === undefined) return null;
  const s = display.trim().replace(/,/g, '');
  if (s === '') return null;
  const pct = s.endsWith('%');
  const n = Number(pct ? s.slice(0, -1) : s);
  if (!Number.isFinite(n)) return null;
  return pct ? n / 100 : n;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** The range's cells as a rectangle of display strings (open ends run to the sheet's last row or column). */
function cells(grid: Grid, ref: string): string[][] {
  const r = parseA1(ref);
  const lastRow = r.r2 ?? grid.length;
  const lastCol = r.c2 ?? Math.max(0, ...grid.map((row) => row.length));
  const out: string[][] = [];
  for (let row = r.r1; row <= lastRow; row += 1) {
    const line: string[] = [];
    for (let col = r.c1; col <= lastCol; col += 1) line.push(grid[row - 1]?.[col - 1]?.v ?? '');
    out.push(line);
  }
  return out;
}

/** Round step for about `count` ticks over span. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * mag;
}

function ticksFor(min: number, max: number): number[] {
  const step = niceStep(max - min || 1, 6);
  const first = Math.ceil(min / step - 1e-9) * step;
  const out: number[] = [];
  for (let t = first; t <= max + step * 1e-6; t += step) out.push(Math.round(t / step) * step);
  return out.map((t) => Number(t.toPrecision(12)));
}

/** Chart types drawn as themselves; any other (PIE, TABLE, HISTOGRAM, COMBO …) is drawn as a line or column chart, and says so. */
export const DRAWN_TYPES = ['LINE', 'COLUMN', 'BAR', 'AREA', 'SCATTER'];

function normaliseType(t: string): ChartData['type'] {
  const u = t.toUpperCase().replace(/^CHARTS?\./, '').replace(/CHART$/, '');
  if (u === 'COLUMN' || u === 'BAR' || u === 'AREA' || u === 'SCATTER' || u === 'LINE') return u;
  if (u === 'STEPPED_AREA') return 'AREA';
  if (u === 'PIE' || u === 'HISTOGRAM' || u === 'TABLE') return 'COLUMN';
  return 'LINE';
}

/**
 * Turns a spec plus the sheet's values into what is drawn. As in Sheets: the ranges' columns side by side, the first
 * column is the domain (x axis) and every other column a series; a first row whose series cells are not numbers is the
 * header (series names), or `numHeaders` when the spec says.
 */
export function chartData(spec: ChartSpecLike, ownSheet: string, lookup: GridLookup): ChartData {
  const options = (spec.options ?? {}) as Record<string, unknown>;
  const requestedType = String(spec.type ?? spec.chartType ?? 'LINE');
  const type = normaliseType(requestedType);
  let columns: string[][] = [];
  for (const ref of spec.ranges ?? []) {
    const parsed = parseA1(ref);
    const grid = lookup(parsed.sheet ?? ownSheet);
    if (!grid) continue;
    const block = cells(grid, ref);
    const width = block[0]?.length ?? 0;
    for (let c = 0; c < width; c += 1) columns.push(block.map((row) => row[c] ?? ''));
  }
  if (spec.transposeRowsAndColumns === true) {
    // Series run along rows instead: row i of the data becomes column i.
    const rows = Math.max(0, ...columns.map((c) => c.length));
    columns = Array.from({ length: rows }, (_, r) => columns.map((c) => c[r] ?? ''));
  }
  const height = Math.max(0, ...columns.map((c) => c.length));
  const domainCol = columns[0] ?? [];
  const seriesCols = columns.slice(1);
  // numHeaders −1 (the builder's default) means "let Sheets decide", as does leaving it out.
  const declared = num(spec.numHeaders ?? options.numHeaders);
  const declaredHeaders = declared !== null && declared >= 0 ? declared : null;
  const headers = declaredHeaders !== null ? declaredHeaders : seriesCols.length > 0 && seriesCols.every((c) => c[0] !== undefined && c[0] !== '' && toNumber(c[0]) === null) ? 1 : 0;
  // Series options come as setOption('series', {0: {…}}) or as dotted keys such as 'series.0.color'; merge both.
  const seriesOpts: Record<string, Record<string, unknown>> = {};
  const whole = option(options, 'series');
  if (whole && typeof whole === 'object') for (const [k, v] of Object.entries(whole as Record<string, unknown>)) if (v && typeof v === 'object') seriesOpts[k] = { ...(v as Record<string, unknown>) };
  for (const [key, v] of Object.entries(options)) {
    const m = /^series\.(\d+)(?:\.(.+))?$/.exec(key);
    if (!m) continue;
    const target = (seriesOpts[m[1]] ??= {});
    if (m[2]) target[m[2]] = v;
    else if (v && typeof v === 'object') Object.assign(target, v as Record<string, unknown>);
  }
  const colors = (option(options, 'colors') as string[] | undefined) ?? [];
  const defaultLine = type === 'SCATTER' ? 0 : 2;
  const defaultPoint = type === 'SCATTER' ? 7 : 0;
  const series: Series[] = seriesCols.map((col, i) => {
    const so = seriesOpts[String(i)] ?? {};
    const dash = so.lineDashStyle;
    return {
      name: headers > 0 ? col.slice(0, headers).join(' ') : `Series ${i + 1}`,
      color: String(so.color ?? colors[i] ?? DEFAULT_COLORS[i % DEFAULT_COLORS.length]),
      values: col.slice(headers).map((v) => toNumber(v)),
      lineWidth: num(so.lineWidth) ?? num(option(options, 'lineWidth')) ?? defaultLine,
      pointSize: num(so.pointSize) ?? num(option(options, 'pointSize')) ?? defaultPoint,
      dash: Array.isArray(dash) && dash.every((d) => typeof d === 'number') ? (dash as number[]) : null,
      inLegend: so.visibleInLegend !== false,
    };
  });
  const domain = domainCol.slice(headers);
  while (domain.length < height - headers) domain.push('');

  // Value axis: vAxis.viewWindow wins; otherwise a round range around the data (column and bar charts start at 0).
  const axisKey = type === 'BAR' ? 'hAxis' : 'vAxis';
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (type === 'COLUMN' || type === 'BAR' || type === 'AREA') {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
  }
  if (lo === hi) hi = lo + 1;
  const autoTicks = ticksFor(lo, hi);
  const step = autoTicks.length > 1 ? autoTicks[1] - autoTicks[0] : 1;
  let vMin = Math.floor(lo / step) * step;
  let vMax = Math.ceil(hi / step) * step;
  const wMin = num(option(options, `${axisKey}.viewWindow.min`)) ?? num(option(options, `${axisKey}.minValue`));
  const wMax = num(option(options, `${axisKey}.viewWindow.max`)) ?? num(option(options, `${axisKey}.maxValue`));
  if (wMin !== null) vMin = wMin;
  if (wMax !== null) vMax = wMax;
  if (vMax <= vMin) vMax = vMin + 1;
  const legendOpt = option(options, 'legend.position') ?? option(options, 'legend');
  const legend = legendOpt === 'none' || legendOpt === 'bottom' || legendOpt === 'top' || legendOpt === 'right' ? legendOpt : 'right';
  const pos = (spec.position ?? {}) as Record<string, unknown>;
  const bg = option(options, 'backgroundColor');
  return {
    type,
    requestedType,
    background: typeof bg === 'string' && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)$/.test(bg) ? bg : '#fff',
    title: String(option(options, 'title') ?? ''),
    hTitle: String(option(options, 'hAxis.title') ?? ''),
    vTitle: String(option(options, 'vAxis.title') ?? ''),
    domain,
    series,
    vMin,
    vMax,
    ticks: ticksFor(vMin, vMax),
    legend,
    width: num(option(options, 'width')) ?? num(pos.width) ?? DEFAULT_WIDTH,
    height: num(option(options, 'height')) ?? num(pos.height) ?? DEFAULT_HEIGHT,
  };
}

const fmt = (n: number): string => (Math.abs(n) >= 1000 || Number.isInteger(n) ? String(Math.round(n * 100) / 100) : String(Number(n.toFixed(2))));
const px = (n: number): string => String(Math.round(n * 10) / 10);

let uid = 0;

/** The chart as one <svg> element (role="img", titled), sized to the spec. */
export function chartSvg(d: ChartData, idPrefix = 'chart'): string {
  uid += 1;
  const id = `${idPrefix}-${uid}`;
  const W = d.width;
  const H = d.height;
  const legendItems = d.series.filter((s) => s.inLegend);
  const showLegend = d.legend !== 'none' && legendItems.length > 0;
  const legendW = showLegend && d.legend === 'right' ? Math.min(160, Math.max(80, ...legendItems.map((s) => s.name.length * 6.5 + 24))) : 0;
  const top = (d.title ? 34 : 14) + (showLegend && d.legend === 'top' ? 20 : 0);
  const bottom = 34 + (d.hTitle ? 18 : 0) + (showLegend && d.legend === 'bottom' ? 20 : 0);
  const left = 46 + (d.vTitle ? 18 : 0);
  const right = 14 + legendW;
  const pw = Math.max(20, W - left - right);
  const ph = Math.max(20, H - top - bottom);
  const horizontal = d.type === 'BAR';
  const n = Math.max(1, d.domain.length);
  const scatterX = d.type === 'SCATTER' ? d.domain.map((v) => toNumber(v)) : null;
  const xs = scatterX && scatterX.some((v) => v !== null) ? (scatterX.filter((v) => v !== null) as number[]) : null;
  const xMin = xs ? Math.min(...xs) : 0;
  const xMax = xs ? (Math.max(...xs) === xMin ? xMin + 1 : Math.max(...xs)) : 1;
  const band = (horizontal ? ph : pw) / n;
  const catPos = (i: number): number => (xs && scatterX ? left + (((scatterX[i] ?? xMin) - xMin) / (xMax - xMin)) * pw : (horizontal ? top : left) + band * (i + 0.5));
  const val = (v: number): number => (horizontal ? left + ((v - d.vMin) / (d.vMax - d.vMin)) * pw : top + ph - ((v - d.vMin) / (d.vMax - d.vMin)) * ph);
  const parts: string[] = [];
  const summary = `${d.type.toLowerCase()} chart; ${d.series.length} series: ${d.series.map((s) => s.name).join(', ')}; axis ${fmt(d.vMin)} to ${fmt(d.vMax)}`;
  parts.push(
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d"` +
      ` data-chart-type="${d.type}" data-series="${d.series.length}" data-vmin="${d.vMin}" data-vmax="${d.vMax}">`,
  );
  parts.push(`<title id="${id}-t">${escapeHtml(d.title || 'Chart')}</title><desc id="${id}-d">${escapeHtml(summary)}</desc>`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="${escapeHtml(d.background)}"/>`);
  const requested = d.requestedType.toUpperCase();
  if (requested !== d.type) parts.push(`<text class="chart-note" x="${W - 8}" y="${H - 6}" font-size="10" text-anchor="end" fill="#5f6368">${escapeHtml(`${requested} chart in Sheets; drawn here as ${d.type.toLowerCase()}`)}</text>`);
  parts.push(`<defs><clipPath id="${id}-clip"><rect x="${left}" y="${top}" width="${pw}" height="${ph}"/></clipPath></defs>`);
  if (d.title) parts.push(`<text class="chart-title" x="${left}" y="22" font-size="15" font-weight="600" fill="#202124">${escapeHtml(d.title)}</text>`);
  // Grid lines and value-axis labels.
  for (const t of d.ticks) {
    const p = px(val(t));
    if (horizontal) {
      parts.push(`<line x1="${p}" y1="${top}" x2="${p}" y2="${top + ph}" stroke="#e0e0e0"/>`);
      parts.push(`<text class="tick" x="${p}" y="${top + ph + 14}" font-size="11" text-anchor="middle" fill="#5f6368">${fmt(t)}</text>`);
    } else {
      parts.push(`<line x1="${left}" y1="${p}" x2="${left + pw}" y2="${p}" stroke="#e0e0e0"/>`);
      parts.push(`<text class="tick" x="${left - 6}" y="${px(val(t) + 4)}" font-size="11" text-anchor="end" fill="#5f6368">${fmt(t)}</text>`);
    }
  }
  parts.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#bdc1c6"/>`);
  // Domain labels: as many as fit.
  if (xs) {
    for (const t of ticksFor(xMin, xMax)) {
      const x = left + ((t - xMin) / (xMax - xMin)) * pw;
      parts.push(`<text class="domain" x="${px(x)}" y="${top + ph + 14}" font-size="11" text-anchor="middle" fill="#5f6368">${fmt(t)}</text>`);
    }
  } else {
    const room = horizontal ? 14 : Math.max(30, Math.max(...d.domain.map((s) => s.length), 1) * 6.2);
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((horizontal ? ph : pw) / room))));
    d.domain.forEach((label, i) => {
      if (i % every !== 0) return;
      const c = px(catPos(i));
      parts.push(
        horizontal
          ? `<text class="domain" x="${left - 6}" y="${px(catPos(i) + 4)}" font-size="11" text-anchor="end" fill="#5f6368">${escapeHtml(label)}</text>`
          : `<text class="domain" x="${c}" y="${top + ph + 14}" font-size="11" text-anchor="middle" fill="#5f6368">${escapeHtml(label)}</text>`,
      );
    });
  }
  if (d.hTitle) parts.push(`<text class="axis-title h-title" x="${px(left + pw / 2)}" y="${top + ph + 30}" font-size="12" font-style="italic" text-anchor="middle" fill="#202124">${escapeHtml(d.hTitle)}</text>`);
  if (d.vTitle) parts.push(`<text class="axis-title v-title" transform="translate(14 ${px(top + ph / 2)}) rotate(-90)" font-size="12" font-style="italic" text-anchor="middle" fill="#202124">${escapeHtml(d.vTitle)}</text>`);
  // Series.
  parts.push(`<g clip-path="url(#${id}-clip)">`);
  const zero = val(Math.min(Math.max(0, d.vMin), d.vMax));
  if (d.type === 'COLUMN' || d.type === 'BAR') {
    const k = Math.max(1, d.series.length);
    const groupW = band * 0.7;
    const barW = groupW / k;
    d.series.forEach((s, si) => {
      s.values.forEach((v, i) => {
        if (v === null) return;
        const start = catPos(i) - groupW / 2 + si * barW;
        const a = val(v);
        const [lo, hi] = a < zero ? [a, zero] : [zero, a];
        parts.push(
          horizontal
            ? `<rect class="bar" data-series="${si}" x="${px(lo)}" y="${px(start)}" width="${px(hi - lo)}" height="${px(barW * 0.95)}" fill="${escapeHtml(s.color)}"><title>${escapeHtml(`${s.name} · ${d.domain[i] ?? ''}: ${fmt(v)}`)}</title></rect>`
            : `<rect class="bar" data-series="${si}" x="${px(start)}" y="${px(lo)}" width="${px(barW * 0.95)}" height="${px(hi - lo)}" fill="${escapeHtml(s.color)}"><title>${escapeHtml(`${s.name} · ${d.domain[i] ?? ''}: ${fmt(v)}`)}</title></rect>`,
        );
      });
    });
  } else {
    d.series.forEach((s, si) => {
      // Gaps (blank cells) break the line, as in Sheets.
      const segments: [number, number][][] = [];
      let cur: [number, number][] = [];
      s.values.forEach((v, i) => {
        if (v === null || (xs && scatterX && scatterX[i] === null)) {
          if (cur.length) segments.push(cur);
          cur = [];
          return;
        }
        cur.push([catPos(i), val(v)]);
      });
      if (cur.length) segments.push(cur);
      const dash = s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
      if (d.type === 'AREA') {
        for (const seg of segments) {
          const pts = seg.map(([x, y]) => `${px(x)},${px(y)}`).join(' ');
          parts.push(`<polygon class="area" data-series="${si}" points="${px(seg[0][0])},${px(zero)} ${pts} ${px(seg[seg.length - 1][0])},${px(zero)}" fill="${escapeHtml(s.color)}" fill-opacity="0.3"/>`);
        }
      }
      if (s.lineWidth > 0) {
        for (const seg of segments) {
          if (seg.length < 2) continue;
          parts.push(`<polyline class="line" data-series="${si}" points="${seg.map(([x, y]) => `${px(x)},${px(y)}`).join(' ')}" fill="none" stroke="${escapeHtml(s.color)}" stroke-width="${s.lineWidth}"${dash} stroke-linejoin="round"/>`);
        }
      }
      // Points: as asked, and always for a lone value that no line would show.
      segments.forEach((seg) => {
        const r = s.pointSize > 0 ? s.pointSize / 2 : seg.length === 1 && s.lineWidth > 0 ? Math.max(2, s.lineWidth) : 0;
        if (r === 0) return;
        for (const [x, y] of seg) parts.push(`<circle class="point" data-series="${si}" cx="${px(x)}" cy="${px(y)}" r="${r}" fill="${escapeHtml(s.color)}"/>`);
      });
    });
  }
  parts.push('</g>');
  // Legend.
  if (showLegend) {
    const entry = (s: Series, x: number, y: number): string =>
      `<g class="legend-item"><rect x="${px(x)}" y="${px(y - 9)}" width="12" height="10" fill="${escapeHtml(s.color)}"/><text x="${px(x + 16)}" y="${px(y)}" font-size="11" fill="#202124">${escapeHtml(s.name)}</text></g>`;
    parts.push('<g class="legend">');
    if (d.legend === 'right') {
      legendItems.forEach((s, i) => parts.push(entry(s, W - legendW - 4, top + 12 + i * 18)));
    } else {
      const y = d.legend === 'top' ? top - 8 : H - 8;
      let x = left;
      for (const s of legendItems) {
        parts.push(entry(s, x, y));
        x += 24 + s.name.length * 6.5;
      }
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}
