// Drop a file on the paste form: it becomes the form's file, and the text box empties.
(function () {
  var drop = document.getElementById("drop");
  var input = drop.querySelector("input[type=file]");
  var chosen = document.getElementById("chosen");
  function show() { chosen.textContent = input.files.length ? input.files[0].name : ""; }
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    if (!e.dataTransfer.files.length) return;
    input.files = e.dataTransfer.files;
    document.querySelector("textarea[name=text]").value = "";
    show();
  });
})();
