// Ribbon commands. The only button ("Apri cruscotto") is a ShowTaskpane action, which Office handles itself.
// A future ExecuteFunction button needs its handler associated here by the id used in manifest.xml's <FunctionName>:
//   Office.actions.associate("PIRA.refresh", (event: Office.AddinCommands.Event) => { ...; event.completed(); });
Office.onReady(() => {
  // Nothing to associate yet; waiting for Office keeps later associations safe to add here.
});
