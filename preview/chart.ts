// Draws an embedded chart as inline SVG from what chart-data.ts read out of its spec and sheets.
// Pure string output (no DOM), so the server renders the first paint and the page script re-renders with the same code.
import { ticksFor, toNumber, type ChartData, type Series } from './chart-data';
import { escapeHtml } from './escape';

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
