/**
 * One bar chart per report, drawn with recharts (SVG, styles set through the DOM, so the CSP's
 * style-src 'self' is respected). Right to left: the category axis runs from the right and the
 * bars grow leftwards, names on the right, as an Arabic reader expects.
 */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../shared/reports/schemas';
import { useLanguage } from '../app/use-language';

export function ReportChart({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rtl = language === 'ar';
  const column = table.columns[table.chartColumn]!;
  const data = table.rows.map((r) => ({ name: r.label[language], value: r.values[table.chartColumn] ?? 0 }));
  const label = t('reports.chartOf', { title: table.title[language], column: column.label[language] });
  return (
    <figure className="report-chart" aria-label={label} data-testid={`chart-${table.id}`}>
      {/* SVG text anchors follow the page direction; in RTL "start" would push the names over the axis. */}
      <div dir="ltr">
        <ResponsiveContainer width="100%" height={Math.max(140, data.length * 28 + 40)}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 8, left: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" reversed={rtl} allowDecimals={column.kind !== 'count'} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" orientation={rtl ? 'right' : 'left'} width={130} interval={0} tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => [v as number, column.label[language]]} />
            <Bar dataKey="value" fill="#1c6b5a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="report-chart-caption">{label}</figcaption>
    </figure>
  );
}
