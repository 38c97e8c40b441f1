// The view's primary action, pinned to the bottom of the pane: always in reach at 320 × 700 however
// long the preview above it. It sits in the page's flow (sticky), so nothing ends up hidden under it
// once scrolled to the end; taskpane.css keeps focused elements clear of it (scroll-padding-bottom).
import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    alignItems: "flex-start",
    // Full width of the pane under its 20 px margins.
    marginInline: "-20px",
    padding: `${tokens.spacingVerticalS} 20px`,
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
