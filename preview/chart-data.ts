// A recorded chart read as Sheets would draw it: the spec the emulator recorded from newChart() builders, plus the sheets' display values, become series, axis range, ticks, legend and size (pure; chart.ts draws the result).
import { parseA1 } from '../src/sheets/a1';

/** The parts of a recorded chart spec the preview reads; anything else is ignored. */
export interface ChartSpecLike {
  type?: string;
  ranges?: string[];
  options?: Record<string, unknown>;
  position?: Record<string, unknown> | null;
  /** Categories Sheets draws (the emulator's view counts them: a formula's "" is one, an empty row after the data is not). */
  categories?: number;
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
  const lastRow = r.endRow ?? grid.length;
  const lastCol = r.endCol ?? Math.max(0, ...grid.map((row) => row.length));
  const out: string[][] = [];
  for (let row = r.startRow; row <= lastRow; row += 1) {
    const line: string[] = [];
    for (let col = r.startCol; col <= lastCol; col += 1) line.push(grid[row - 1]?.[col - 1]?.v ?? '');
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

/** Round tick values from min to max. */
export function ticksFor(min: number, max: number): number[] {
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
  // Rows past the emulator's category count are dropped, as Sheets drops trailing empty rows.
  if (typeof spec.categories === 'number') {
    const keep = spec.categories + Math.max(0, num(spec.numHeaders) ?? 0);
    columns = columns.map((c) => c.slice(0, keep));
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
