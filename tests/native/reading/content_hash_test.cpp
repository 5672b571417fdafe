// The content hash of the seed articles' bodies, as read, against the page's article keys.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "lectern/hash.h"
#include "lectern/reading.h"
#include "source_files.h"

namespace lectern {
namespace {

TEST(ContentHash, SeedArticlesMatchThePageKeys) {
  // The page's article keys (first 16 digits) and full hashes of the seed articles' bodies.
  const std::pair<const char*, const char*> seeds[] = {
      {"000_c1e1a87b767bdb0e.txt",
       "40743e442a7504fd1217e24fd51ac79c5ca505b4228cd6ab0673a0b5a1d911b9"},
      {"001_cac242e89444e96e.txt",
       "2c4153f70d7c93f83e9746135851bf29dd03f83919f552de026f76f7a8005f69"},
      {"002_c9edad714b5359fe.txt",
       "79d287a71bc0f96778408176f8d492a09c84f37e69d49f5016ffa31e833e9e64"},
      {"003_9de8cc9d8582abb9.txt",
       "f57c3820dab9c3fa418b3100b81e4f9315f77e2c7ad50a263b25decf3a5d93bf"},
      {"004_572afbd63a801590.txt",
       "4f92ee623ff63c9c69de824f0ecedab58c861b5607dfbc610d048bdefc1c3f62"},
  };
  for (const auto& [name, hash] : seeds) {
    const ReadResult r = ReadFile(testing::ReadSource(std::string("shared/seeds/") + name), name);
    ASSERT_EQ(r.articles.size(), 1u) << name;
    EXPECT_EQ(ContentHash(r.articles[0].body), hash) << name;
  }
}

}  // namespace
}  // namespace lectern
