import { ToolbarMenu, useEditorContext } from "@graphiql/react";
import { useEffect, useRef } from "react";
import type { PlaygroundExample } from "../example.ts";

function ExamplesIcon() {
  return (
    <svg className="graphiql-toolbar-icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 10h16M4 15h10M4 20h7" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The "Examples" menu of the editor toolbar: the README's example queries. Picking one switches to
 * its tab (the examples are the first tabs of a new browser profile) or opens it in a new tab, so
 * a query the user was editing is never overwritten.
 */
export function ExamplesMenu({ examples }: { readonly examples: readonly PlaygroundExample[] }) {
  const editor = useEditorContext({ nonNull: true });
  // The query waiting for the tab opened for it: addTab() switches tabs on a later render, so the
  // query is written once the new tab is the active one.
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current === null || !editor.queryEditor) return;
    editor.queryEditor.setValue(pending.current);
    pending.current = null;
  }, [editor.activeTabIndex, editor.queryEditor]);

  const open = (example: PlaygroundExample) => {
    const existing = editor.tabs.findIndex((tab) => tab.query === example.query);
    if (existing >= 0) {
      editor.changeTab(existing);
      return;
    }
    pending.current = example.query;
    editor.addTab();
  };

  return (
    <ToolbarMenu button={<ExamplesIcon />} label="Examples from the README">
      {examples.map((example) => (
        <ToolbarMenu.Item key={example.name} onSelect={() => open(example)} title={example.description} data-example={example.name}>
          {example.name}
          {example.role !== "VIEWER" && <span className="copydesk-example-role"> ({example.role.toLowerCase()} token)</span>}
        </ToolbarMenu.Item>
      ))}
    </ToolbarMenu>
  );
}
