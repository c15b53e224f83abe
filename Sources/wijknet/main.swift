import WijknetWeb
