/* Warta's editor preview: the post as the agency site shows it, then the caption each
 * chosen network will receive (WartaCaptions, the port of render_caption). Plain JS:
 * the CMS bundle provides CMS, h (React.createElement) and createClass. */
(function () {
  "use strict";
  var W = window.WARTA, C = window.WartaCaptions;

  function plain(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }

  function postFrom(entry, agency) {
    var data = plain(entry.get("data")) || {};
    var path = entry.get("path") || entry.get("slug") || "";
    var slug = path && !entry.get("newRecord") ? C.slugFromPath(path) : C.slugify(data.title);
    return {
      agency: agency, slug: slug, title: data.title || "", date: data.date,
      summary: data.summary || "", tags: data.tags || [], captions: data.captions || {},
      video: data.video || null, channels: data.channels || ["website"], media: data.media || [],
      author: data.author || "", category: data.category || "", publish_at: data.publish_at,
      media_center: data.media_center === true, draft: data.draft === true,
    };
  }

  function badge(text, colour) {
    return h("span", { className: "badge", style: { background: colour } }, text);
  }

  function figure(item, getAsset, index) {
    var asset = item.file ? getAsset(item.file) : null;
    var src = asset ? asset.toString() : "";
    return h("figure", { key: "m" + index },
      src ? h("img", { src: src, alt: item.alt || "" }) : null,
      h("figcaption", null,
        item.alt ? item.alt : h("strong", { className: "warn" }, "Teks alternatif wajib diisi."),
        item.credit ? " — Foto: " + item.credit : ""));
  }

  function captionCard(post, channel) {
    var cap = C.renderCaption(post, channel, W.siteUrl, W.limits);
    var over = cap.limit !== null && cap.length > cap.limit;
    var count = cap.limit !== null ? cap.length + " / " + cap.limit : cap.length + " karakter";
    var unit = channel === "x" ? " (bobot X, tautan = 23)" : channel === "youtube" ? " bita" : "";
    return h("section", { className: "caption", key: channel, "data-channel": channel },
      h("header", null,
        h("strong", null, W.channelLabels[channel] || channel), " ",
        cap.overridden ? badge("teks khusus", "#6b4fbb") : badge("otomatis", "#2d7d46"), " ",
        h("span", { className: over ? "count over" : "count" }, count + unit)),
      cap.title ? h("p", { className: "yt-title" }, "Judul video: " + cap.title) : null,
      h("pre", null, cap.text),
      cap.cut.length ? h("p", { className: "note" }, "Dipotong agar muat: " + cap.cut.join(", ") + ".") : null,
      cap.overridden && !cap.text.trim() ? h("p", { className: "warn" },
        "Teks khusus kosong: jaringan ini akan menerima teks kosong. Tulis teksnya.") : null,
      over ? h("p", { className: "warn" }, "Melebihi batas " + (W.channelLabels[channel] || channel) +
        ". Persingkat teks khusus.") : null);
  }

  var PostPreview = createClass({
    render: function () {
      var props = this.props;
      // Decap passes the collection; Sveltia only the entry, which names it
      var agency = props.collection ? props.collection.get("name") : props.entry.get("collection");
      var post = postFrom(props.entry, agency);
      var info = W.agencies[agency] || { name: agency };
      var social = post.channels.filter(function (c) { return c !== "website"; });
      return h("div", { className: "warta-preview" },
        h("p", { className: "site" }, W.siteTitle + " › " + info.name),
        h("article", null,
          h("h1", null, post.title || "(tanpa judul)"),
          h("p", { className: "meta" },
            C.formatDateId(post.date),
            post.author ? " · " + post.author : "",
            post.category ? " · " + post.category : ""),
          h("p", { className: "flags" },
            post.draft ? badge("draf", "#888") : null,
            post.publish_at ? badge("terjadwal: " + C.formatDateId(post.publish_at), "#b06000") : null,
            post.media_center ? badge("Media Center", "#1a5fb4") : null),
          post.summary ? h("p", { className: "summary" }, post.summary) : null,
          post.media.map(function (m, i) { return figure(m, props.getAsset, i); }),
          h("div", { className: "body" }, props.widgetFor("body")),
          post.tags.length ? h("p", { className: "tags" }, post.tags.map(function (t) {
            return h("span", { key: t, className: "tag" }, t);
          })) : null),
        h("h2", { className: "captions-title" }, "Teks untuk media sosial"),
        social.length ? social.map(function (c) { return captionCard(post, c); })
          : h("p", { className: "note" }, "Hanya situs web yang dipilih."));
    },
  });

  CMS.registerPreviewStyle([
    "body{font-family:system-ui,sans-serif;color:#1d1d1f;margin:0}",
    ".warta-preview{max-width:46rem;margin:0 auto;padding:1rem 1.25rem}",
    ".site{color:#555;font-size:.85rem;border-bottom:3px solid #1a5fb4;padding-bottom:.4rem}",
    "h1{font-size:1.8rem;line-height:1.25;margin:.6rem 0}",
    ".meta{color:#555;font-size:.9rem}.summary{font-size:1.1rem;font-weight:500}",
    "figure{margin:1rem 0}figure img{max-width:100%;height:auto;border-radius:4px}",
    "figcaption{font-size:.85rem;color:#555}",
    ".badge{color:#fff;border-radius:3px;padding:.1rem .4rem;font-size:.75rem;margin-right:.3rem}",
    ".tag{background:#eef;border-radius:3px;padding:.1rem .4rem;margin-right:.3rem;font-size:.8rem}",
    ".captions-title{margin-top:2rem;border-top:1px solid #ddd;padding-top:1rem;font-size:1.2rem}",
    ".caption{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;margin:.8rem 0}",
    ".caption pre{white-space:pre-wrap;font-family:inherit;margin:.5rem 0}",
    ".count{float:right;font-size:.85rem;color:#2d7d46}.count.over,.warn{color:#c01c28}",
    ".note{font-size:.85rem;color:#666}.yt-title{font-weight:600}",
  ].join("\n"), { raw: true });

  Object.keys(W.agencies).forEach(function (slug) { CMS.registerPreviewTemplate(slug, PostPreview); });
})();
