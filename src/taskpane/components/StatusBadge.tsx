// A status is always written out; the colour only repeats it (users who cannot tell red from
// green, screen readers and printed screenshots all get the word).
import { Badge, type BadgeProps } from "@fluentui/react-components";
import * as React from "react";
import type { Status } from "../../domain/score";
import { useI18n } from "../i18n";

const COLOUR: Record<Status, BadgeProps["color"]> = {
  Raggiunto: "success",
  "Parzialmente raggiunto": "warning",
  "Non raggiunto": "danger",
  "n.d.": "informative",
};

export function StatusBadge({ status }: { status: Status }): React.JSX.Element {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" shape="rounded" color={COLOUR[status]} data-status={status}>
      {t.status[status]}
    </Badge>
  );
}
