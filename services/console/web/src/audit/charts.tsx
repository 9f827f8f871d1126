import { useTranslation } from 'react-i18next';
import type { DeadlineReplay } from '../api/views';
import { formatDuration, formatTime } from '../shared/format';

// Charts drawn as SVG by hand: the auditor's two pictures need bars and time spans only, and
// an SVG is text the screen reader and the browser test can read, with no chart library to
// download. Each chart says in words what it draws (role="img" with its label, and a caption).

/** The colour of each deadline outcome, the same in the chart and in its legend. */
export const OUTCOME_COLOURS: Readonly<Record<DeadlineReplay['outcome'], string>> = { met: '#389e0d', late: '#d48806', breached: '#cf1322', stopped: '#8c8c8c', open: '#1677ff' };

export interface BarRow {
  key: string;
  label: string;
  /** Each bar of the row: a share in [0, 1], or null when there is nothing to measure. */
  bars: { key: string; value: number | null }[];
}

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

const percent = (v: number, language: string) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(v);

/** Horizontal bars per row, one per series (the three rates of each department, a ranking's scores). */
export function ShareBars({ title, rows, series, max = 1, format }: { title: string; rows: BarRow[]; series: BarSeries[]; max?: number; format?: (v: number) => string }) {
  const { t, i18n } = useTranslation();
  const say = format ?? ((v: number) => percent(v, i18n.language));
  const labelWidth = 180;
  const barHeight = 12;
  const rowHeight = series.length * (barHeight + 2) + 10;
  const width = 640;
  const plot = width - labelWidth - 70;
  const height = rows.length * rowHeight + 28;
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} style={{ width: '100%', maxWidth: width, height: 'auto' }}>
        {series.map((s, i) => (
          <g key={s.key} transform={`translate(${labelWidth + i * 150}, 4)`}>
            <rect width={10} height={10} fill={s.colour} />
            <text x={14} y={9} fontSize={11}>{s.label}</text>
          </g>
        ))}
        {rows.map((row, r) => (
          <g key={row.key} transform={`translate(0, ${24 + r * rowHeight})`}>
            <text x={labelWidth - 8} y={rowHeight / 2} fontSize={12} textAnchor="end" dominantBaseline="middle">
              {shortLabel(row.label, 18)}
            </text>
            {row.bars.map((bar, i) => {
              const colour = series[i]?.colour ?? '#999';
              const y = 4 + i * (barHeight + 2);
              if (bar.value === null) {
                return <text key={bar.key} x={labelWidth} y={y + barHeight - 2} fontSize={10} fill="#8c8c8c">{t('audit.chart.noValue')}</text>;
              }
              const w = Math.max(1, (Math.min(bar.value, max) / max) * plot);
              return (
                <g key={bar.key}>
                  <rect x={labelWidth} y={y} width={w} height={barHeight} fill={colour} rx={2} />
                  <text x={labelWidth + w + 4} y={y + barHeight - 2} fontSize={10}>{say(bar.value)}</text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption style={{ color: '#595959', fontSize: 12 }}>{title}</figcaption>
    </figure>
  );
}

/** Where a deadline's clock stopped: done, broken, handed on or ended, or (still running) the last event the audit has seen. */
function clockEnd(d: DeadlineReplay, lastSeen: number): number {
  if (d.completedAt) return Date.parse(d.completedAt);
  if (d.stoppedAt) return Date.parse(d.stoppedAt);
  if (d.outcome === 'breached') return Math.max(Date.parse(d.breachedAt ?? d.dueAt), lastSeen);
  return Math.max(lastSeen, Date.parse(d.startedAt));
}

/**
 * The SLA replay as each holder's clock over time: a grey band from start to due, the holder's
 * own span over it in the outcome's colour, a tick at the 80 % warning, hatched pauses while the
 * reporter was asked. One row per deadline, in the order they started.
 */
export function SlaClocks({ deadlines, lastSeen, holderName }: { deadlines: DeadlineReplay[]; lastSeen: string; holderName: (d: DeadlineReplay) => string }) {
  const { t, i18n } = useTranslation();
  if (deadlines.length === 0) return null;
  const seen = Date.parse(lastSeen);
  const rows = [...deadlines].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const start = Math.min(...rows.map((d) => Date.parse(d.startedAt)));
  const end = Math.max(...rows.map((d) => Math.max(Date.parse(d.dueAt), clockEnd(d, seen))));
  const span = Math.max(end - start, 1);
  const labelWidth = 250;
  const width = 760;
  const plot = width - labelWidth - 16;
  const rowHeight = 26;
  const height = rows.length * rowHeight + 40;
  const x = (at: number) => labelWidth + ((at - start) / span) * plot;
  const describe = (d: DeadlineReplay) =>
    t('audit.clock.row', {
      holder: holderName(d),
      target: t(`deadline.target.${d.target}`, { defaultValue: d.target }),
      budget: formatDuration(d.budgetMs, i18n.language),
      outcome: t(`audit.outcome.${d.outcome}`),
      took: d.tookMs === undefined ? '—' : formatDuration(d.tookMs, i18n.language),
    });
  const title = t('audit.clock.title');
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} style={{ width: '100%', maxWidth: width, height: 'auto' }}>
        <defs>
          <pattern id="paused" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="3" height="6" fill="#8c8c8c" />
          </pattern>
        </defs>
        {rows.map((d, i) => {
          const y = 8 + i * rowHeight;
          const from = Date.parse(d.startedAt);
          const stop = clockEnd(d, seen);
          const warning = d.warnedAt ?? d.warnAt;
          return (
            <g key={d.deadlineId} data-outcome={d.outcome}>
              <title>{describe(d)}</title>
              <text x={labelWidth - 8} y={y + 9} fontSize={11} textAnchor="end" dominantBaseline="middle">
                {`${shortLabel(holderName(d), 30)} · ${t(`deadline.target.${d.target}`, { defaultValue: d.target })}`}
              </text>
              <rect x={x(from)} y={y} width={Math.max(1, x(Date.parse(d.dueAt)) - x(from))} height={18} fill="#f0f0f0" stroke="#bfbfbf" />
              <rect x={x(from)} y={y + 4} width={Math.max(2, x(stop) - x(from))} height={10} fill={OUTCOME_COLOURS[d.outcome]} />
              {(d.pauses ?? []).map((p) => (
                <rect key={p.pausedAt} x={x(Date.parse(p.pausedAt))} y={y + 4} width={Math.max(2, x(p.resumedAt ? Date.parse(p.resumedAt) : seen) - x(Date.parse(p.pausedAt)))} height={10} fill="url(#paused)" />
              ))}
              {/* The 80 % warning: where it fired, else where it was planned (a deadline met before it). */}
              {warning && <line x1={x(Date.parse(warning))} x2={x(Date.parse(warning))} y1={y - 2} y2={y + 20} stroke="#d48806" strokeWidth={2} strokeDasharray={d.warnedAt ? undefined : '2 2'} />}
              <line x1={x(Date.parse(d.dueAt))} x2={x(Date.parse(d.dueAt))} y1={y - 2} y2={y + 20} stroke="#262626" strokeDasharray="3 2" />
            </g>
          );
        })}
        <text x={labelWidth} y={height - 8} fontSize={10}>{formatTime(new Date(start), i18n.language)}</text>
        <text x={width - 16} y={height - 8} fontSize={10} textAnchor="end">{formatTime(new Date(end), i18n.language)}</text>
      </svg>
      <figcaption style={{ color: '#595959', fontSize: 12 }}>
        {title}: {t('audit.clock.legend')}
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
          {rows.map((d) => (
            <li key={d.deadlineId} style={{ color: OUTCOME_COLOURS[d.outcome] }}>
              <span style={{ color: '#262626' }}>{describe(d)}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** A label cut to `max` characters with an ellipsis; the whole text is in the row's title and the list below the chart. */
function shortLabel(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
