/* Warta caption rules for the editor preview: a port of warta/channels/captions.py
 * (render_caption) and xcount.py. tests/admin/test_captions_js.py runs this file in
 * node against the Python renderer so the two cannot drift. Plain ES2020, no build step. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.WartaCaptions = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var ELLIPSIS = "\u2026";
  var URL_WEIGHT = 23;
  var WEIGHT_ONE = [[0x0000, 0x10ff], [0x2000, 0x200d], [0x2010, 0x201f], [0x2032, 0x2037]];
  var URL_RE = /(?:https?:\/\/|www\.)[!#-;=?-~]+|(?<![\w-])(?<![a-z0-9-]\.)[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:id|com|org|net|co)\b(?:\/[!#-;=?-~]*)?/gi;
  // Approximates the `emoji` package: flags, keycaps, pictographs with modifiers and ZWJ chains.
  var EMOJI_RE = /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}[\uFE0E\uFE0F]?[\u{1F3FB}-\u{1F3FF}]?(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F]?[\u{1F3FB}-\u{1F3FF}]?)*/gu;

  function codePoints(text) { return Array.from(text); }
  function charWeight(ch) {
    var cp = ch.codePointAt(0);
    for (var i = 0; i < WEIGHT_ONE.length; i++) {
      if (cp >= WEIGHT_ONE[i][0] && cp <= WEIGHT_ONE[i][1]) return 1;
    }
    return 2;
  }
  function weigh(text) {
    return codePoints(text).reduce(function (sum, ch) { return sum + charWeight(ch); }, 0);
  }
  function spans(re, text, weight) {
    var out = [];
    re.lastIndex = 0;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (m[0] === "") { re.lastIndex++; continue; }
      out.push([m.index, m.index + m[0].length, weight]);
    }
    return out;
  }
  function xWeightedLength(text) {
    text = text.normalize("NFC");
    var all = spans(URL_RE, text, URL_WEIGHT).concat(spans(EMOJI_RE, text, 2));
    all.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    var total = 0, position = 0;
    all.forEach(function (s) {
      if (s[0] < position) return; // an emoji inside a URL
      total += weigh(text.slice(position, s[0])) + s[2];
      position = s[1];
    });
    return total + weigh(text.slice(position));
  }
  function utf16Length(text) { return text.length; }
  function utf8Length(text) { return new TextEncoder().encode(text).length; }
  function measure(channel, text) {
    if (channel === "x") return xWeightedLength(text);
    if (channel === "tiktok") return utf16Length(text);
    if (channel === "youtube") return utf8Length(text);
    return codePoints(text).length;
  }

  function isCased(ch) { return ch.toLowerCase() !== ch.toUpperCase(); }
  function pyTitle(text) { // Python's str.title()
    var out = "", prevCased = false;
    codePoints(text).forEach(function (ch) {
      out += prevCased ? ch.toLowerCase() : ch.toUpperCase();
      prevCased = isCased(ch);
    });
    return out;
  }
  function hashtag(tag) {
    return "#" + pyTitle(tag).split(" ").join("").replace(/[^0-9A-Za-z_\u00C0-\uFFFF]/gu, "");
  }
  function hashtags(tags) {
    var seen = [];
    (tags || []).map(function (t) { return hashtag(String(t).trim()); }).forEach(function (h) {
      if (codePoints(h).length > 1 && seen.indexOf(h) < 0) seen.push(h);
    });
    return seen.join(" ");
  }

  var MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember"];
  var DAYS = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  /* Date parts in WIB. A naive "YYYY-MM-DD HH:mm" is WIB already (as in Warta);
   * anything else (Date, ISO with offset) is converted with the Asia/Jakarta zone. */
  function wibParts(value) {
    if (value === null || value === undefined || value === "") return null;
    if (typeof value === "string") {
      var m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?(?::\d{2}(?:\.\d+)?)?$/.exec(value.trim());
      if (m) return { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] || 0), minute: +(m[5] || 0) };
    }
    var d = value instanceof Date ? value : new Date(value);
    if (isNaN(d.getTime())) return null;
    var shifted = new Date(d.getTime() + 7 * 3600 * 1000); // WIB has no DST
    return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() };
  }
  function formatDateId(value) {
    var p = wibParts(value);
    if (!p) return "";
    var weekday = DAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
    return weekday + ", " + p.day + " " + MONTHS[p.month - 1] + " " + p.year + ", " +
      pad(p.hour) + "." + pad(p.minute) + " WIB";
  }

  function slugify(title, maxLength) { // warta.content.scaffold.slugify
    maxLength = maxLength || 60;
    var spaced = String(title || "").replace(/[^\p{L}\p{N}]+/gu, " "); // an em dash separates words
    var ascii = spaced.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    var words = ascii.toLowerCase().match(/[a-z0-9]+/g) || [];
    var slug = "";
    for (var i = 0; i < words.length; i++) {
      var candidate = slug ? slug + "-" + words[i] : words[i];
      if (candidate.length > maxLength) break;
      slug = candidate;
    }
    return slug || "berita";
  }
  function slugFromPath(path) { // Post.slug: the file stem without its date prefix
    var stem = String(path).split("/").pop().replace(/\.md$/, "");
    return stem.length > 11 && stem[10] === "-" ? stem.slice(11) : stem;
  }
  function postUrl(siteUrl, post) { // warta.content.urls.post_url, for content/<agency>/<yyyy>/<date>-<slug>.md
    var p = wibParts(post.date);
    var year = p ? String(p.year) : "0000";
    var ymd = p ? p.year + "-" + pad(p.month) + "-" + pad(p.day) : "0000-00-00";
    return siteUrl.replace(/\/+$/, "") + "/" + post.agency + "/berita/" + year + "/" + ymd + "-" + post.slug + "/";
  }

  function join() {
    return Array.prototype.filter.call(arguments, function (p) { return p; }).join("\n\n");
  }
  function truncate(channel, text, budget) {
    if (measure(channel, text) <= budget) return text;
    var words = text.split(" ");
    while (words.length && measure(channel, words.join(" ") + ELLIPSIS) > budget) words.pop();
    return words.length ? words.join(" ") + ELLIPSIS : "";
  }
  function fit(channel, limit, title, summary, link, tags) {
    var text = join(title, summary, link, tags), cut = [];
    if (limit === null || limit === undefined || measure(channel, text) <= limit) return [text, cut];
    if (tags) { cut.push("tagar"); text = join(title, summary, link); }
    if (measure(channel, text) > limit && summary) { cut.push("ringkasan"); text = join(title, link); }
    if (measure(channel, text) > limit) {
      cut.push("sebagian judul");
      var budget = limit - measure(channel, join("x", link)) + 1;
      text = join(truncate(channel, title, budget), link);
    }
    return [text, cut];
  }
  function youtubeTitle(title) {
    var clean = title.replace(/[<>]/g, "");
    var cps = codePoints(clean);
    return cps.length <= 100 ? clean : cps.slice(0, 99).join("") + ELLIPSIS;
  }

  /* post: {agency, slug, title, date, summary, tags, captions, video}; limits: {channel: n|null}. */
  function renderCaption(post, channel, siteUrl, limits) {
    var title = String(post.title || "").trim();
    var summary = String(post.summary || "").trim();
    var link = postUrl(siteUrl, post);
    var captions = post.captions || {};
    // A blank override (typed, then cleared in the editor) means "use the default caption".
    var override = typeof captions[channel] === "string" && captions[channel].trim() ? captions[channel] : null;
    var limit = limits && limits[channel] !== undefined ? limits[channel] : null;
    var tags = hashtags(post.tags);
    if (channel === "youtube") {
      var description = (override || join(summary, link, tags)).replace(/</g, "\u2039").replace(/>/g, "\u203a");
      return { channel: channel, text: description, title: youtubeTitle(title), link: link,
        overridden: override !== null, cut: [], length: measure(channel, description), limit: limit };
    }
    var text, cut = [];
    if (override !== null) text = override;
    else { var r = fit(channel, limit, title, summary, link, tags); text = r[0]; cut = r[1]; }
    return { channel: channel, text: text, title: null, link: link, overridden: override !== null,
      cut: cut, length: measure(channel, text), limit: limit };
  }

  return { renderCaption: renderCaption, xWeightedLength: xWeightedLength, measure: measure,
    hashtag: hashtag, hashtags: hashtags, postUrl: postUrl, slugify: slugify,
    slugFromPath: slugFromPath, formatDateId: formatDateId, wibParts: wibParts };
});
