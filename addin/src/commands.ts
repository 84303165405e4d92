// The ribbon's function file: the button opens the task pane (ShowTaskpane), so nothing runs here.
Office.onReady(() => undefined);
