// The view's primary action, pinned to the bottom of the pane: always in reach at 320 × 700 however
// long the preview above it. It sits in the page's flow (sticky), so nothing ends up hidden under it
// once scrolled to the end; taskpane.css keeps focused elements clear of it (scroll-padding-bottom).
import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

/** The pane's side margins (App's padding); the footer runs under them to the pane's edges. */
export const PANE_MARGIN = "20px";

const useStyles = makeStyles({
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    alignItems: "flex-start",
    marginInline: `-${PANE_MARGIN}`,
    padding: `${tokens.spacingVerticalS} ${PANE_MARGIN}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export function Footer({ children }: { children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.footer} data-testid="pane-footer">
      {children}
    </div>
  );
}
