import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartEvent, type ActiveElement,
} from 'chart.js';
import type { Figure } from '../drill-down.js';

/** Only the pieces the page draws, so the bundle carries no unused chart types. */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

// Chinese glyphs need a CJK font; the browser picks whichever of these the laptop has.
Chart.defaults.font.family = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", Roboto, sans-serif';
Chart.defaults.font.size = 12;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.boxWidth = 12;
// Only the duration: Chart.js reads the option names of its animations from this object, and a
// replaced one (`= { duration }`) dropped `type: 'color'`, so hovering a bar failed on every frame
// (`this._fn is not a function`) and a click through to a list left a blank page.
if (Chart.defaults.animation) Chart.defaults.animation.duration = 300;

/** Spread into every bar dataset: a chart of three bars should not draw three slabs. */
export const BAR = { maxBarThickness: 32 } as const;

/** A palette whose neighbours stay apart on a laptop screen and in print. */
export const PALETTE = ['#3a6fd8', '#f2994a', '#27ae60', '#9b51e0', '#eb5757', '#2d9cdb', '#f2c94c', '#6fcf97', '#bb6bd9', '#828282'];

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length];
}

/** Yuan (an exact decimal string) to 万元 for drawing; the figure itself stays exact in the data. */
export function toTenThousand(yuan: string): number {
  return Number(yuan) / 10_000;
}

export function formatTenThousand(value: number, language: string): string {
  return value.toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatNumber(value: number, language: string, fractionDigits = 0): string {
  return value.toLocaleString(language, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** Long names (customers, campaigns) cut to fit an axis; the tooltip shows them whole. */
export function shorten(label: string, length = 10): string {
  return label.length > length ? `${label.slice(0, length - 1)}…` : label;
}

/**
 * Calls back with the clicked bar's dataset and index and what the chart says about it, and shows
 * a hand where a click leads somewhere. The callback runs once Chart.js has handled the click: its
 * tooltip then describes the clicked bar even after a tap on a phone, where no hover came first.
 */
export function clickable(onBar: (datasetIndex: number, index: number, figure: Figure) => void) {
  return {
    onClick: (_event: ChartEvent, elements: ActiveElement[], chart: Chart) => {
      const [element] = elements;
      if (!element) return;
      setTimeout(() => onBar(element.datasetIndex, element.index, figureOf(chart, element)), 0);
    },
    onHover: (event: ChartEvent, elements: ActiveElement[]) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
    },
  };
}

/** The clicked element as its tooltip words it (name, value, count), under the chart's title. */
function figureOf(chart: Chart, element: ActiveElement): Figure {
  const title = chart.canvas?.closest('[data-chart-panel]')?.getAttribute('data-chart-panel') ?? '';
  const { tooltip } = chart;
  const shown = tooltip?.dataPoints?.some((point) => point.datasetIndex === element.datasetIndex && point.dataIndex === element.index);
  if (tooltip && shown) {
    const lines = [...tooltip.title, ...tooltip.body.flatMap((item) => [...item.before, ...item.lines, ...item.after]), ...tooltip.afterBody, ...tooltip.footer];
    return { chart: title, lines: lines.filter((line) => line.trim() !== '') };
  }
  const label = chart.data.labels?.[element.index];
  const dataset = chart.data.datasets[element.datasetIndex]?.label;
  return { chart: title, lines: [label, dataset].filter((part): part is string => typeof part === 'string' && part !== '') };
}
