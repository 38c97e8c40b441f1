// Running a batch against the open workbook, with Office's errors in Italian.

interface OfficeLikeError {
  code?: string;
  message?: string;
}

/** Office's errors in the user's words; the adapter's own errors are already Italian. */
export function officeErrorMessage(error: unknown): string {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as OfficeLikeError;
  switch (e.code) {
    case "InvalidOperationInCellEditMode":
      return "Excel sta modificando una cella: premi Invio o Esc nella cella e riprova.";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "Il cruscotto è troppo grande per una singola richiesta a Excel.";
    case "AccessDenied":
      return `Excel ha negato l'operazione (foglio o cartella protetti?): ${e.message ?? ""}`.trim();
    default:
      return e.code && e.message
        ? `Excel ha rifiutato l'operazione (${e.code}): ${e.message}`
        : (e.message ?? String(error));
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as OfficeLikeError).code === "ItemNotFound";
}

/** Excel.run that waits for the user to leave cell-edit mode and rejects with an Italian message. */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (error) {
    const wrapped: Error & { cause?: unknown } = new Error(officeErrorMessage(error));
    wrapped.cause = error;
    throw wrapped;
  }
}

/** Whether the host offers an ExcelApi requirement set (false outside Office, e.g. in tests). */
export function supportsExcelApi(version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}
