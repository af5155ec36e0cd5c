// Progressive enhancement only: every feature works without this file.
// 1. Autocomplete: fill the search box's <datalist> from /api/v1/suggest as the user types.
// 2. Facet checkboxes apply at once instead of waiting for "Apply filters".
(function () {
  "use strict";
  var box = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (box && list && window.fetch) {
    var timer = null, last = "";
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = box.value.trim();
        if (text.length < 2 || text === last) { return; }
        last = text;
        fetch(box.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {headers: {Accept: "application/json"}})
          .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
          .then(function (data) {
            list.textContent = "";
            data.suggestions.forEach(function (suggestion) {
              var option = document.createElement("option");
              option.value = suggestion;  // text, never HTML
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are optional */ });
      }, 150);
    });
  }
  document.querySelectorAll("form.filters input[type=checkbox]").forEach(function (checkbox) {
    checkbox.addEventListener("change", function () { checkbox.form.submit(); });
  });
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
