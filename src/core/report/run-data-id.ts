// Shared by the HTML writer and the page script that reads the embedded run.

/** Id of the <script type="application/json"> element holding the run in report.html. */
export const RUN_DATA_ELEMENT_ID = 'run-data';
