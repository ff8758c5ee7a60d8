// clusterpress's own additions to the vendored Decap CMS (not part of it):
// the preview laid out as the record's page, and accessibility repairs.
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

// The preview: the record as its page shows it. The layout, the facts, lists,
// side panels and related records come from the record's built page (fetched
// from this site); its name, summary and text follow the form as it is typed.
// A record not built yet shows those three in the same layout.
(function () {
  "use strict";
  var info = window.CLUSTERPRESS_EDITOR;
  if (!info || !window.CMS || !window.createClass || !window.h) return;
  var h = window.h;
  // The slug rule `check` applies (and the form's slug field).
  var slugPattern = new RegExp(info.slug);
  var ko = (info.lang || "").slice(0, 2) === "ko";
  var note = {
    built: ko
      ? "이름·요약·본문은 입력하는 대로 바뀝니다. 그 밖의 항목은 공개된 페이지의 내용이며, 저장한 뒤 사이트를 빌드하면 바뀝니다."
      : "The name, summary and text follow the form. The rest is the published page, updated once the change is saved and the site built.",
    fresh: ko
      ? "아직 빌드되지 않은 레코드입니다. 나머지 항목은 저장한 뒤 사이트를 빌드하면 나타납니다."
      : "This record has not been built yet. The rest of its page appears once it is saved and the site built.",
  };

  /** Props of a React element that recreates `el` (its tag, attributes and inner HTML). */
  function copy(el, key) {
    var props = { key: key, dangerouslySetInnerHTML: { __html: el.innerHTML } };
    // Only what these containers carry and React takes as it is written.
    Array.prototype.forEach.call(el.attributes, function (a) {
      if (a.name === "class") props.className = a.value;
      else if (a.name === "id" || a.name === "lang" || /^(aria|data)-/.test(a.name)) props[a.name] = a.value;
    });
    return h(el.tagName.toLowerCase(), props);
  }

  /** The parts of a built record page the preview keeps, as elements. */
  function parse(html) {
    var article = new DOMParser().parseFromString(html, "text/html").querySelector("article.record");
    if (!article) return false;
    var head = article.querySelector(".page-head");
    var main = article.querySelector(".record-main");
    var isTitle = function (el) {
      return el.tagName === "H1" || el.classList.contains("lead");
    };
    var headChildren = head ? Array.prototype.slice.call(head.children) : [];
    var firstTitle = headChildren.findIndex(isTitle);
    return {
      className: article.className,
      beforeTitle: headChildren.slice(0, firstTitle < 0 ? headChildren.length : firstTitle),
      afterTitle: firstTitle < 0 ? [] : headChildren.slice(firstTitle).filter(function (el) { return !isTitle(el); }),
      main: main ? Array.prototype.slice.call(main.children) : [],
      side: article.querySelector(".with-side > aside"),
      after: Array.prototype.slice.call(article.children).filter(function (el) {
        return el !== head && !el.classList.contains("with-side");
      }),
    };
  }

  function preview(c) {
    return window.createClass({
      getInitialState: function () {
        return { slug: null, page: null };
      },
      componentDidMount: function () {
        this.load();
      },
      componentDidUpdate: function () {
        this.load();
      },
      slug: function () {
        var slug = this.props.entry.getIn(["data", "slug"]) || this.props.entry.get("slug");
        return typeof slug === "string" && slugPattern.test(slug) ? slug : null;
      },
      load: function () {
        var slug = this.slug();
        if (slug === this.state.slug) return;
        var self = this;
        // A record being created has no page yet: nothing to ask the server for.
        var fresh = this.props.entry.get("newRecord");
        this.setState({ slug: slug, page: fresh ? false : null });
        if (!slug || fresh) return;
        fetch(c.page.replace("{slug}", slug))
          .then(function (r) {
            return r.ok ? r.text() : null;
          })
          .then(function (html) {
            if (self.state.slug === slug) self.setState({ page: html ? parse(html) : false });
          })
          .catch(function () {
            if (self.state.slug === slug) self.setState({ page: false });
          });
      },
      text: function (field) {
        var v = this.props.entry.getIn(["data", field]);
        if (v == null) return "";
        if (typeof v === "string" || typeof v === "number") return String(v);
        return v.get ? v.get(info.lang) || "" : "";
      },
      body: function (page) {
        var hasBody = this.props.entry.getIn(["data", "body"]);
        if (!hasBody) return null;
        var prose = h("div", { className: "prose", key: "prose" }, this.props.widgetFor("body"));
        if (c.kind === "pages") return prose;
        var heading = page && page.main.filter(function (el) {
          return el.matches("section.body");
        })[0];
        var title = heading ? heading.querySelector("h2").textContent : info.about;
        return h("section", { className: "body", key: "body" }, h("h2", null, title), prose);
      },
      render: function () {
        var page = this.state.page || null;
        var summary = this.text("summary");
        var head = [].concat(
          page ? page.beforeTitle.map(copy) : [],
          [h("h1", { key: "h1" }, this.text(c.title))],
          summary ? [h("p", { className: "lead", key: "lead" }, summary)] : [],
          page ? page.afterTitle.map(function (el, i) { return copy(el, "a" + i); }) : []
        );
        var body = this.body(page);
        var main = [];
        var placed = false;
        (page ? page.main : []).forEach(function (el, i) {
          var isBody = el.matches("section.body") || (c.kind === "pages" && el.matches(".prose"));
          if (isBody) {
            if (body) main.push(body);
            placed = true;
          } else {
            // The text goes after the facts, where the page puts it.
            if (!placed && body && !el.matches(".facts")) {
              main.push(body);
              placed = true;
            }
            main.push(copy(el, "m" + i));
          }
        });
        if (!placed && body) main.push(body);
        return h(
          "main",
          { id: "main", className: "wrap" },
          h(
            "article",
            { className: page ? page.className : "record record-" + c.kind },
            h("header", { className: "page-head" }, head),
            h("div", { className: "with-side" }, h("div", { className: "record-main" }, main), page && page.side ? copy(page.side, "side") : null),
            page ? page.after.map(function (el, i) { return copy(el, "z" + i); }) : null
          ),
          this.state.page === null ? null : h("p", { className: "updated" }, page ? note.built : note.fresh)
        );
      },
    });
  }

  Object.keys(info.collections).forEach(function (name) {
    window.CMS.registerPreviewTemplate(name, preview(info.collections[name]));
  });
})();
