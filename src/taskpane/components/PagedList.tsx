// A long list shown a page at a time with «Mostra altri (N)»: a 100× plan's change list has
// thousands of entries, which rendered at once would freeze the pane for a second. The first
// entry a click adds takes the focus, so a keyboard user goes on reading where the list grew.
import { Button } from "@fluentui/react-components";
import * as React from "react";
import { useI18n } from "../i18n";

export interface PagedListProps<T> {
  items: readonly T[];
  /** Entries shown at first. */
  page: number;
  /** Entries each «Mostra altri» adds (default: a page). */
  more?: number;
  render: (item: T, index: number) => React.ReactNode;
  /** A stable key per entry, for lists that change while shown (default: the position). */
  keyOf?: (item: T, index: number) => React.Key;
  listClassName?: string;
  listTestId?: string;
  /**
   * The id of the list's heading: it names the list, and ends the name of its «Mostra altri»
   * («Mostra altri (70) Aggiunti (120)»), so the buttons of several lists in one view differ (a
   * screen reader lists buttons by name).
   */
  labelledBy?: string;
  itemClassName?: string;
  buttonClassName?: string;
}

export function PagedList<T>(props: PagedListProps<T>): React.JSX.Element {
  const { items, page, more = page, render, keyOf, listClassName, listTestId, labelledBy } = props;
  const { itemClassName, buttonClassName } = props;
  const { t } = useI18n();
  const [shown, setShown] = React.useState(page);
  const buttonId = React.useId();
  const list = React.useRef<HTMLUListElement>(null);
  const [focusAt, setFocusAt] = React.useState<number | null>(null);
  React.useEffect(() => {
    if (focusAt === null) return;
    list.current?.querySelectorAll<HTMLElement>(":scope > li")[focusAt]?.focus();
    setFocusAt(null);
  }, [focusAt]);
  return (
    <>
      <ul className={listClassName} ref={list} data-testid={listTestId} aria-labelledby={labelledBy}>
        {items.slice(0, shown).map((item, i) => (
          <li key={keyOf ? keyOf(item, i) : i} className={itemClassName} tabIndex={i >= page ? -1 : undefined}>
            {render(item, i)}
          </li>
        ))}
      </ul>
      {items.length > shown && (
        <Button
          className={buttonClassName}
          size="small"
          appearance="subtle"
          id={buttonId}
          aria-labelledby={labelledBy ? `${buttonId} ${labelledBy}` : undefined}
          onClick={() => {
            setFocusAt(shown);
            setShown((n) => n + more);
          }}
        >
          {t.preview.showMore} ({items.length - shown})
        </Button>
      )}
    </>
  );
}
