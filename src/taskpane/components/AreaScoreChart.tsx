// The area scores as a small horizontal bar chart beside the numbers of the follow view: drawn as
// SVG (no chart library in the pane's bundle), one accessible image whose label says every value;
// the numbers stay as text in the list below it.
import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

export interface AreaBar {
  code: string;
  /** 0..1, or null without a score (no bar, "n.d."). */
  score: number | null;
}

const ROW = 18;
const LABEL = 36;
const VALUE = 48;
const WIDTH = 280;

const useStyles = makeStyles({
  chart: { display: "block", width: "100%", maxWidth: `${WIDTH}px`, height: "auto" },
});

export function AreaScoreChart(props: {
  bars: AreaBar[];
  /** What the chart is ("Punteggio per ambito strategico"). */
  title: string;
  percent: (score: number) => string;
  noScore: string;
}): React.JSX.Element {
  const { bars, title, percent, noScore } = props;
  const styles = useStyles();
  const text = (b: AreaBar) => (b.score === null ? noScore : percent(b.score));
  const label = `${title}: ${bars.map((b) => `${b.code} ${text(b)}`).join("; ")}`;
  const track = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 4;
  return (
    <svg
      role="img"
      aria-label={label}
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${height}`}
      data-testid="area-chart"
    >
      {bars.map((b, i) => {
        const y = 2 + i * ROW;
        const width = b.score === null ? 0 : Math.max(0, Math.min(1, b.score)) * track;
        return (
          <g key={b.code} aria-hidden="true">
            <text x={0} y={y + 12} fontSize={11} fill={tokens.colorNeutralForeground2}>
              {b.code}
            </text>
            <rect x={LABEL} y={y + 3} width={track} height={ROW - 6} fill={tokens.colorNeutralBackground4} />
            <rect
              x={LABEL}
              y={y + 3}
              width={width}
              height={ROW - 6}
              fill={tokens.colorBrandBackground}
              data-score={b.score ?? ""}
            />
            <text x={LABEL + track + 4} y={y + 12} fontSize={11} fill={tokens.colorNeutralForeground1}>
              {text(b)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
