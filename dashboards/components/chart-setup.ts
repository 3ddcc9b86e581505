import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartEvent, type ActiveElement,
} from 'chart.js';

/** Only the pieces the page draws, so the bundle carries no unused chart types. */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

// Chinese glyphs need a CJK font; the browser picks whichever of these the laptop has.
Chart.defaults.font.family = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", Roboto, sans-serif';
Chart.defaults.font.size = 12;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.boxWidth = 12;
Chart.defaults.animation = { duration: 300 };

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

/** Calls back with the clicked bar's dataset and index, and shows a hand where a click leads somewhere. */
export function clickable(onBar: (datasetIndex: number, index: number) => void) {
  return {
    onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
      const [element] = elements;
      if (element) onBar(element.datasetIndex, element.index);
    },
    onHover: (event: ChartEvent, elements: ActiveElement[]) => {
      const target = event.native?.target;
      if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
    },
  };
}
