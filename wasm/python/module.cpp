// _lectern: the core as a Python module (pybind11), imported through the `lectern` package
// (lectern/__init__.py). Conversion only: every function here calls one function of the core's
// public headers and converts its arguments and result; JSON answers stay JSON text, which the
// package parses, so Python sees exactly what the command line and the page see.
//
// Offsets default to code points, which is what Python's str indices count. The GIL is released
// around the core's work, so threads of a Dask worker run articles in parallel.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "lectern/api.h"
#include "lectern/dedup.h"
#include "lectern/entities.h"

namespace py = pybind11;

namespace {

using lectern::DedupOptions;

// A py::bytes or str argument as UTF-8 bytes (str is encoded; bytes are taken as they are).
std::string Bytes(const py::handle& data) {
  if (py::isinstance<py::str>(data)) return data.cast<std::string>();
  return std::string(data.cast<py::bytes>());
}

template <typename T>
py::array_t<T> Array(const std::vector<T>& values) {
  return py::array_t<T>(static_cast<py::ssize_t>(values.size()), values.data());
}

std::vector<std::uint64_t> Shingles(
    const py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>& a) {
  return std::vector<std::uint64_t>(a.data(), a.data() + a.size());
}

}  // namespace

PYBIND11_MODULE(_lectern, m) {
  m.doc() = "Lectern's C++ core (see the lectern package for the documented functions).";
  m.attr("LSH_FULL_BUCKET") = lectern::kLshFullBucket;
  m.attr("LSH_LEADS") = lectern::kLshLeads;
  const DedupOptions defaults;
  m.attr("BANDS") = defaults.bands;
  m.attr("ROWS") = defaults.rows;
  m.attr("MAX_PAIRS") = defaults.max_pairs;

  m.def("version", &lectern::Version);

  m.def(
      "read_file_json",
      [](const py::handle& data, const std::string& name, const std::string& options_json) {
        const std::string bytes = Bytes(data);
        py::gil_scoped_release release;
        return lectern::ReadFileJson(bytes, name, options_json);
      },
      py::arg("data"), py::arg("name"), py::arg("options_json"));

  m.def(
      "entities_json",
      [](const std::string& text, const std::string& options_json) {
        py::gil_scoped_release release;
        return lectern::EntitiesJson(text, options_json);
      },
      py::arg("text"), py::arg("options_json"));

  m.def(
      "diff_json",
      [](const std::string& a, const std::string& b, const std::string& options_json) {
        py::gil_scoped_release release;
        return lectern::DiffTextsJson(a, b, options_json);
      },
      py::arg("a"), py::arg("b"), py::arg("options_json"));

  m.def(
      "sketch",
      [](const std::string& text) {
        lectern::StorySketch s;
        {
          py::gil_scoped_release release;
          s = lectern::SketchStory(text);
        }
        py::dict out;
        out["shingles"] = Array(s.shingles);
        out["minhash"] = Array(s.minhash);
        out["bands"] = Array(s.band_keys);
        out["fingerprint"] = s.fingerprint;
        return out;
      },
      py::arg("text"));

  m.def(
      "verify",
      [](const py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>& a,
         const py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>& b) {
        const std::vector<std::uint64_t> sa = Shingles(a), sb = Shingles(b);
        lectern::PairCheck c;
        {
          py::gil_scoped_release release;
          c = lectern::VerifyPair(sa, sb);
        }
        py::dict out;
        out["jaccard"] = c.jaccard;
        out["containment"] = c.containment;
        out["overlap"] = c.overlap;
        out["kept"] = c.kept;
        return out;
      },
      py::arg("a"), py::arg("b"));

  m.def(
      "cluster_json",
      [](const std::vector<std::string>& ids, const std::vector<std::string>& texts, bool exact,
         std::uint64_t max_pairs) {
        py::gil_scoped_release release;
        lectern::StoryIndex index;
        for (const std::string& t : texts) index.Add(t);
        return lectern::StoryClustersToJson(
            exact ? index.ClusterExact(max_pairs) : index.Cluster(max_pairs), ids);
      },
      py::arg("ids"), py::arg("texts"), py::arg("exact") = false,
      py::arg("max_pairs") = DedupOptions().max_pairs);

  m.def(
      "link_surnames", [](const std::set<std::string>& ids) { return lectern::LinkSurnames(ids); },
      py::arg("ids"));

  m.def(
      "entity_index_json",
      [](const std::string& articles_json, const std::string& edits_json) {
        py::gil_scoped_release release;
        return lectern::EntityIndexJson(articles_json, edits_json);
      },
      py::arg("articles_json"), py::arg("edits_json") = "");
}
