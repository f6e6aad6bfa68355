/* Warta: a phone photo is made small before the editor sees it. When a photo is chosen in any
 * <input type=file>, it is drawn on a canvas (which applies the EXIF orientation and keeps no EXIF:
 * GPS position and camera serial never leave the phone), scaled to fit LONG_SIDE x LONG_SIDE and
 * saved as JPEG, lowering the quality until it is at most MAX_BYTES. The editor then receives the
 * small file through the same input, as if the writer had chosen it.
 * Our own code because Sveltia CMS's built-in transformation only writes WebP, which Instagram and
 * Facebook refuse, and fetches its WebP encoder from a CDN. Limits come from warta-data.js
 * (warta.channels.limits). Plain ES2020, no build step. */
(function () {
  "use strict";
  var W = window.WARTA || {};
  var LONG_SIDE = (W.photo && W.photo.maxLongSide) || 2560;
  var MAX_BYTES = (W.photo && W.photo.maxBytes) || 1048576;
  var QUALITIES = [0.82, 0.75, 0.68, 0.6, 0.5, 0.4];
  var RASTER = /^image\/(jpeg|png|webp|heic|heif|avif)$/;
  var STATE = "wartaShrink";

  function jpegName(name) {
    var stem = name.replace(/\.[^.]+$/, "") || "foto";
    return stem + ".jpg";
  }

  function encode(canvas, quality) {
    return new Promise(function (resolve, reject) {
      canvas.toBlob(function (blob) {
        if (blob) resolve(blob); else reject(new Error("toBlob failed"));
      }, "image/jpeg", quality);
    });
  }

  async function shrink(file) {
    if (!RASTER.test(file.type)) return file;
    var bitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    } catch (e) {
      return file; // a format this phone cannot decode: the editor and `warta check` report it
    }
    var scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    var canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff"; // a transparent PNG becomes white, not black, in JPEG
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    var blob = null;
    for (var i = 0; i < QUALITIES.length; i++) {
      blob = await encode(canvas, QUALITIES[i]);
      if (blob.size <= MAX_BYTES) break;
    }
    return new File([blob], jpegName(file.name), { type: "image/jpeg", lastModified: Date.now() });
  }

  async function replaceFiles(input) {
    var files = Array.prototype.slice.call(input.files || []);
    var transfer = new DataTransfer();
    for (var i = 0; i < files.length; i++) transfer.items.add(await shrink(files[i]));
    input.files = transfer.files;
  }

  // A file input fires `input` then `change`; the editor may listen to either. Both are held
  // until the photos are replaced, then both are sent again with the small files.
  function intercept(event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
    if (input[STATE] === "release") {
      if (event.type === "change") input[STATE] = undefined;
      return;
    }
    if (input[STATE] !== "pending") {
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.some(function (f) { return RASTER.test(f.type); })) return;
      input[STATE] = "pending";
      window.WartaShrinking = (window.WartaShrinking || 0) + 1;
      replaceFiles(input).finally(function () {
        window.WartaShrinking -= 1;
        input[STATE] = "release";
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
    event.stopImmediatePropagation();
  }

  // Capture phase on window: runs before any listener the editor put on the input or the document.
  window.addEventListener("input", intercept, true);
  window.addEventListener("change", intercept, true);
  window.WartaShrink = shrink;
})();
