import VanBan
