// clusterpress's own additions to the vendored Decap CMS (not part of it).
//
// Accessibility repairs: Decap 3.16's widgets leave some controls without a
// name or a required state, which screen readers then announce as "button"
// and nothing more. Decap renders with React and re-renders often, so the
// repairs run again after every change of the page, on the controls that still
// need them; each is idempotent and touches nothing Decap reads.
(function () {
  "use strict";
  var en = {
    preview: "Preview of the record",
    collapse: "Collapse or expand this item",
    remove: "Remove this item",
    reorder: "Drag to reorder this item",
    markdown: "Edit as Markdown",
    text: "Text",
  };
  var ko = {
    preview: "레코드 미리보기",
    collapse: "이 항목 접기·펼치기",
    remove: "이 항목 삭제",
    reorder: "끌어서 이 항목의 순서 바꾸기",
    markdown: "마크다운으로 편집",
    text: "본문",
  };
  var words = (document.documentElement.lang || "").slice(0, 2) === "ko" ? ko : en;

  function label(el, text) {
    if (!el.hasAttribute("aria-label") && !el.hasAttribute("aria-labelledby")) el.setAttribute("aria-label", text);
  }

  /** The text of the field label nearest above `el`: its own field's. */
  function fieldLabel(el) {
    for (var node = el.parentElement; node; node = node.parentElement) {
      var found = node.querySelector("label");
      if (found && found.textContent.trim()) return found.textContent.trim();
    }
    return words.text;
  }

  function repair() {
    var frame = document.getElementById("preview-pane");
    if (frame && !frame.title) frame.title = words.preview;
    // A list item's top bar: [collapse] [drag handle] [remove], icons only.
    document.querySelectorAll('[class*="ListItemTopBar"]').forEach(function (bar) {
      var buttons = bar.querySelectorAll("button");
      if (buttons.length > 1) label(buttons[0], words.collapse);
      if (buttons.length > 0) label(buttons[buttons.length - 1], words.remove);
    });
    document.querySelectorAll('[role="button"][aria-roledescription="sortable"]').forEach(function (handle) {
      label(handle, words.reorder);
    });
    document.querySelectorAll('[data-slate-editor="true"][role="textbox"]').forEach(function (box) {
      label(box, fieldLabel(box));
    });
    // The rich-text toolbar's Markdown switch: Decap leaves out its state until
    // it is first switched (undefined means off, rich text), then keeps it.
    document.querySelectorAll('button[role="switch"][class*="ToolbarToggle"]').forEach(function (sw) {
      label(sw, words.markdown);
      if (!sw.hasAttribute("aria-checked")) sw.setAttribute("aria-checked", "false");
    });
    // The toolbar's drop-down menus wrap a real <button> in a <span role="button">:
    // the inner button stays the one control (its click opens the menu).
    document.querySelectorAll('span[role="button"][aria-haspopup="true"]').forEach(function (span) {
      var inner = span.querySelector("button");
      if (inner) {
        inner.setAttribute("aria-haspopup", "true");
        ["role", "tabindex", "aria-haspopup", "aria-expanded"].forEach(function (a) {
          span.removeAttribute(a);
        });
      }
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      repair();
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
