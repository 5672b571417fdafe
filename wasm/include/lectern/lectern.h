// Lectern core: reads news articles, cleans them, splits them into paragraphs and sentences, finds
// the versions of one story, diffs them, and keeps annotations on them.
//
// The umbrella header: every public header of the core, one per library, from the bottom of the
// layering up. A program that uses the whole core (the command line, the WebAssembly binding) may
// include this; a library includes only the headers of the libraries it depends on, which the
// build enforces (see cmake/LecternSubsystem.cmake).
#ifndef LECTERN_LECTERN_H_
#define LECTERN_LECTERN_H_

#include "lectern/anchoring.h"    // lectern_anchoring: finding a quoted passage again
#include "lectern/annotations.h"  // lectern_annotations: W3C Web Annotations
#include "lectern/api.h"          // lectern_api: JSON text in and out, for the page and the CLI
#include "lectern/dates.h"        // lectern_text: dates to ISO 8601
#include "lectern/dedup.h"        // lectern_dedup: clusters of near-duplicate stories
#include "lectern/diff.h"         // lectern_diff: how one version of a story became another
#include "lectern/entities.h"     // lectern_entities: people, organisations, places, dates
#include "lectern/hash.h"         // lectern_text: SHA-256 and the content hash
#include "lectern/reading.h"      // lectern_reading: articles from files
#include "lectern/segment.h"      // lectern_segment: paragraphs, sentences, words
#include "lectern/text.h"         // lectern_text: UTF-8, offsets and their units

#endif  // LECTERN_LECTERN_H_
