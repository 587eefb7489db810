// The reading side of the product import: a thread that parses the
// file, groups its rows into products and builds each new product,
// while the importing thread writes the batches before it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "csv/product_rows.h"
#include "shopkit/catalog.h"
#include "shopkit/product_csv.h"

namespace shopkit::internal {

// A product read from the file, with the product that creating it would
// write. The reading thread builds it, because building needs no store
// access. The importer uses `created` for a new handle and builds an
// update itself otherwise.
struct ImportDraft {
  csv::ProductDraft draft;
  // What build_product() returned for draft.input, or what it threw.
  // Both are empty when the draft has errors. Each is taken at most
  // once; a second attempt at the product builds it again.
  std::optional<Product> created;
  std::exception_ptr build_error;
  // True when `prepare` found that no earlier valid draft of the file had
  // this draft's handle or one of its SKUs.
  bool fresh = false;
};

// The products of one batch and what the reading thread met on the way
// to them: rows read and the problems of rows that belong to no product,
// in file order.
struct ImportBatch {
  std::vector<ImportDraft> drafts;
  std::vector<ImportIssue> errors;
  std::vector<ImportIssue> warnings;
  std::int64_t rows_read = 0;
};

// Runs the reading thread and hands its batches over in file order. At
// most two batches wait at a time, so memory stays bounded when writing
// is slower than reading. Not thread-safe: one importing thread calls
// next().
class ImportPipeline {
 public:
  // Starts reading the data rows of `reader` (after the header) with
  // `mapper`, in batches of `batch_products` products. `prepare` fills
  // ImportDraft::created or build_error; it runs on the reading thread.
  // `reader` and what `prepare` uses must outlive the pipeline. The
  // mapper is freed on the reading thread once the file ends.
  template <typename Reader>
  ImportPipeline(Reader& reader, std::unique_ptr<csv::RowMapper> mapper,
                 std::size_t batch_products,
                 std::function<void(ImportDraft&)> prepare);
  // Stops the reading thread at its next batch and waits for it.
  ~ImportPipeline();
  ImportPipeline(const ImportPipeline&) = delete;
  ImportPipeline& operator=(const ImportPipeline&) = delete;

  // Returns the next batch, or nullopt after the last one. Rethrows
  // what the reading thread threw, after the batches read before it.
  std::optional<ImportBatch> next();

  // Hands a batch that the importer is done with to the reading thread,
  // which frees it there.
  void recycle(ImportBatch batch);

 private:
  template <typename Reader>
  void read_all(Reader& reader);
  // Queues `batch`; returns false when the pipeline is stopping.
  bool push(ImportBatch batch);
  void finish(std::exception_ptr error);
  // Frees the recycled batches; after the file ends, keeps doing so until
  // the pipeline stops.
  void free_recycled(bool until_stopped);

  static constexpr std::size_t kMaxQueued = 2;

  std::unique_ptr<csv::RowMapper> mapper_;  // Used on the reading thread.
  const std::size_t batch_products_;
  const std::function<void(ImportDraft&)> prepare_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ImportBatch> queued_;  // Guarded by mutex_.
  std::vector<ImportBatch> recycled_;  // Guarded by mutex_.
  bool finished_ = false;           // Guarded by mutex_.
  bool stopping_ = false;           // Guarded by mutex_.
  std::exception_ptr error_;        // Guarded by mutex_.
  std::thread thread_;              // Started last.
};

template <typename Reader>
ImportPipeline::ImportPipeline(Reader& reader,
                               std::unique_ptr<csv::RowMapper> mapper,
                               std::size_t batch_products,
                               std::function<void(ImportDraft&)> prepare)
    : mapper_(std::move(mapper)),
      batch_products_(batch_products),
      prepare_(std::move(prepare)),
      thread_([this, &reader] { read_all(reader); }) {}

template <typename Reader>
void ImportPipeline::read_all(Reader& reader) {
  try {
    ImportBatch batch;
    csv::MappedRows mapped;
    csv::Record record;
    bool at_end = false;
    while (!at_end) {
      // A malformed row is reported and skipped; the reader resumes at
      // the next record.
      try {
        if (reader.next(record)) {
          ++batch.rows_read;
          mapper_->add(record, mapped);
        } else {
          mapper_->finish(mapped);
          mapper_.reset();
          at_end = true;
        }
      } catch (const csv::ParseError& error) {
        ++batch.rows_read;
        batch.errors.push_back(ImportIssue{error.line(), "", error.what(), ""});
      }
      for (ImportIssue& issue : mapped.errors) {
        batch.errors.push_back(std::move(issue));
      }
      for (ImportIssue& issue : mapped.warnings) {
        batch.warnings.push_back(std::move(issue));
      }
      mapped.errors.clear();
      mapped.warnings.clear();
      if (mapped.products.size() < batch_products_ && !at_end) continue;

      for (csv::ProductDraft& draft : mapped.products) {
        ImportDraft prepared{std::move(draft), std::nullopt, nullptr, false};
        if (prepared.draft.errors.empty()) prepare_(prepared);
        batch.drafts.push_back(std::move(prepared));
      }
      mapped.products.clear();
      if (!push(std::move(batch))) return;
      batch = ImportBatch();
      free_recycled(false);
    }
    finish(nullptr);
  } catch (...) {
    finish(std::current_exception());
  }
  free_recycled(true);
}

}  // namespace shopkit::internal
