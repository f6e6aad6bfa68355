/* Warta: publishing is the Kepala PD's approval of the pull request on GitHub, never a button in
   the editor. Decap awaits prePublish before it merges, so throwing here stops the merge and
   shows the message. (Branch protection would refuse the merge anyway, with a less clear error.) */
(function () {
  CMS.registerEventListener({
    name: "prePublish",
    handler: function () {
      throw new Error("Berita tidak diterbitkan dari editor. Kepala PD (atau Plt./Plh.) menyetujui " +
        "pull request-nya di GitHub; setelah digabung, berita tayang di situs dan media sosial.");
    },
  });
})();
